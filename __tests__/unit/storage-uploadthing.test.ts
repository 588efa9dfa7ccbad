import { StorageError, uploadThingFileStore } from "@/lib/platform/storage/uploadthing";

const appId = "espacefamilletest";
const apiKey = "sk_live_0123456789abcdef";
const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["fra1"] })).toString("base64");

// A PDF whose content a test can spot if it ever leaks into an error message.
const pdf = new TextEncoder().encode("%PDF-1.7\nLIVRET-DE-FAMILLE-DUPONT-SECRET\n%%EOF\n");
const input = { bytes: pdf, mediaType: "application/pdf", fileName: "livret-de-famille.pdf" };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

type FetchMock = jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit?]>;

/** A request as the adapter sent it, whatever shape the SDK gave it. */
async function request(fetchMock: FetchMock, index: number) {
  const call = fetchMock.mock.calls[index];
  if (!call) throw new Error(`no request #${index}`);
  const [target, init] = call;
  const req = target instanceof Request ? target : new Request(String(target), init);
  return { url: new URL(req.url), method: req.method, headers: req.headers, init: init ?? {} };
}

describe("UploadThing file store", () => {
  let fetchMock: FetchMock;
  beforeEach(() => {
    fetchMock = jest.fn();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  test("creating the store makes no request", () => {
    uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("put uploads the bytes as a private file to the region's ingest server and returns the file key", async () => {
    // The SDK itself reads its deprecated `url` fields while building its result.
    jest.spyOn(console, "warn").mockImplementation(() => undefined);
    fetchMock.mockImplementation(async () =>
      json(200, { url: "https://x.ufs.sh/f/k", appUrl: "https://x.ufs.sh/f/k", ufsUrl: "https://x.ufs.sh/f/k", fileHash: "abc" }),
    );
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    const key = await store.put(input);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, method, headers, init } = await request(fetchMock, 0);
    expect(method).toBe("PUT");
    expect(url.origin).toBe("https://fra1.ingest.uploadthing.com");
    expect(url.pathname).toBe(`/${key}`);
    expect(key).toMatch(/^[A-Za-z0-9]+$/);
    // The upload URL is signed with the API key and carries the file's description, private ACL included.
    expect(url.searchParams.get("signature")).toMatch(/^hmac-sha256=/);
    expect(url.searchParams.get("x-ut-acl")).toBe("private");
    expect(url.searchParams.get("x-ut-identifier")).toBe(appId);
    expect(url.searchParams.get("x-ut-file-name")).toBe("livret-de-famille.pdf");
    // The SDK encodes this value once more than URLSearchParams decodes.
    expect(decodeURIComponent(url.searchParams.get("x-ut-file-type") ?? "")).toBe("application/pdf");
    expect(url.searchParams.get("x-ut-file-size")).toBe(String(pdf.byteLength));
    expect(url.searchParams.get("x-ut-content-disposition")).toBe("attachment");
    expect(headers.get("x-uploadthing-api-key")).toBeNull();
    const body = init.body;
    expect(body).toBeInstanceOf(FormData);
    const sent = (body as FormData).get("file");
    expect(sent).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (sent as Blob).arrayBuffer())).toEqual(pdf);
  });

  test("get reads the bytes through a signed URL on the app's CDN", async () => {
    fetchMock.mockResolvedValue(new Response(pdf, { status: 200, headers: { "Content-Type": "application/pdf" } }));
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    const bytes = await store.get("abcKEY123");

    expect(bytes).toEqual(pdf);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, method } = await request(fetchMock, 0);
    expect(method).toBe("GET");
    expect(`${url.origin}${url.pathname}`).toBe(`https://${appId}.ufs.sh/f/abcKEY123`);
    expect(url.searchParams.get("signature")).toMatch(/^hmac-sha256=/);
    const expires = Number(url.searchParams.get("expires"));
    expect(expires).toBeGreaterThan(Date.now());
    expect(expires).toBeLessThanOrEqual(Date.now() + 61_000);
    // The API key signs the URL; it is never sent in it.
    expect(url.toString()).not.toContain(apiKey);
  });

  test("get answers null for an unknown key", async () => {
    fetchMock.mockResolvedValue(new Response("Not found", { status: 404 }));
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    await expect(store.get("missingKEY")).resolves.toBeNull();
  });

  test("get throws on any other error answer", async () => {
    fetchMock.mockResolvedValue(new Response("Forbidden", { status: 403 }));
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    await expect(store.get("abcKEY123")).rejects.toThrow("UploadThing refused the download: HTTP 403");
  });

  test("delete asks the API to delete the file key, authenticated by the API key", async () => {
    fetchMock.mockResolvedValue(json(200, { success: true, deletedCount: 1 }));
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    await store.delete("abcKEY123");

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const { url, method, headers, init } = await request(fetchMock, 0);
    expect(method).toBe("POST");
    expect(url.toString()).toBe("https://api.uploadthing.com/v6/deleteFiles");
    expect(headers.get("x-uploadthing-api-key")).toBe(apiKey);
    const body = init.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : String(init.body);
    expect(JSON.parse(body)).toEqual({ fileKeys: ["abcKEY123"] });
  });

  test("delete throws when the API refuses", async () => {
    fetchMock.mockResolvedValue(json(500, { error: "Internal" }));
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    await expect(store.delete("abcKEY123")).rejects.toBeInstanceOf(StorageError);
  });

  test("a refused upload becomes a thrown error that holds neither the file's bytes nor its name", async () => {
    fetchMock.mockResolvedValue(json(413, { error: "Payload too large" }));
    const store = uploadThingFileStore({ token, fetch: fetchMock as unknown as typeof fetch });

    const error = await store.put(input).then(
      () => null,
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(StorageError);
    const message = (error as Error).message;
    expect(message).toMatch(/^UploadThing refused the upload/);
    expect(message).not.toContain("LIVRET-DE-FAMILLE-DUPONT-SECRET");
    expect(message).not.toContain("%PDF");
    expect(message).not.toContain("livret-de-famille");
    expect(JSON.stringify(error)).not.toContain("SECRET");
  });

  test("an invalid token is an error, not a silent success", async () => {
    const store = uploadThingFileStore({ token: "not-a-token", fetch: fetchMock as unknown as typeof fetch });

    await expect(store.put(input)).rejects.toBeInstanceOf(StorageError);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
