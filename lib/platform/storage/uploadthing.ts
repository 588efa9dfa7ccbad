import "server-only";
import { UTApi } from "uploadthing/server";
import type { FileStore } from "./types";

export interface UploadThingConfig {
  /** UPLOADTHING_TOKEN: base64 JSON `{ apiKey, appId, regions }` from the UploadThing dashboard. */
  token: string;
  /** Given in tests to stand in for the network; the SDK and the download both go through it. */
  fetch?: typeof fetch;
  /** How long a signed download URL stays valid; only this server ever sees it. */
  signedUrlSeconds?: number;
}

/** A storage call UploadThing refused or could not answer. The message never holds the file's bytes or name. */
export class StorageError extends Error {
  override name = "StorageError";
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * The UploadThing adapter. Files are uploaded server-side with `UTApi.uploadFiles` (no `onUploadComplete`
 * callback, which would need a public URL) and stored private: reading one takes a short-lived signed URL.
 * The SDK client is built on the first call, not at import, so `next build` needs no token.
 */
export function uploadThingFileStore({ token, fetch: fetchImpl = globalThis.fetch, signedUrlSeconds = 60 }: UploadThingConfig): FileStore {
  let api: UTApi | undefined;
  const client = () => (api ??= new UTApi({ token, fetch: fetchImpl, logLevel: "None" }));

  return {
    provider: "UPLOADTHING",
    async put({ bytes, mediaType, fileName }) {
      // Copied into a fresh ArrayBuffer-backed view: a File cannot be built on a SharedArrayBuffer.
      const file = new File([new Uint8Array(bytes)], fileName, { type: mediaType });
      const result = await client().uploadFiles(file, { acl: "private", contentDisposition: "attachment" });
      if (result.error) throw new StorageError(`UploadThing refused the upload (${result.error.code})`, null);
      return result.data.key;
    },
    async get(key) {
      const { ufsUrl } = await client()
        .generateSignedURL(key, { expiresIn: signedUrlSeconds })
        .catch((error: unknown) => {
          throw new StorageError(`UploadThing could not sign a download URL (${errorCode(error)})`, null);
        });
      const response = await fetchImpl(ufsUrl, { signal: AbortSignal.timeout(30_000) });
      if (response.status === 404) return null;
      if (!response.ok) throw new StorageError(`UploadThing refused the download: HTTP ${response.status}`, response.status);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const result = await client()
        .deleteFiles(key)
        .catch((error: unknown) => {
          throw new StorageError(`UploadThing refused the deletion (${errorCode(error)})`, null);
        });
      if (!result.success) throw new StorageError("UploadThing refused the deletion", null);
    },
  };
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, _tag } = error as { code?: unknown; _tag?: unknown };
    if (typeof code === "string") return code;
    if (typeof _tag === "string") return _tag;
  }
  return "unknown error";
}
