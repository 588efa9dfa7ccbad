import { parseEnv } from "@/lib/platform/env";
import { isOutboxViewerEnabled, mailer, sendMail } from "@/lib/platform/mail";
import { MailDeliveryError, resendMailer } from "@/lib/platform/mail/resend";

const secretLink = "https://espace-famille.example/activation?jeton=Zx9-single-use-token";
const message = {
  to: "maurice.testo@example.org",
  subject: "Activez votre compte personnel – Espace Famille",
  text: `Bonjour M. Maurice TESTO,\n\nActiver mon compte :\n${secretLink}\n`,
  html: `<p>Bonjour M. Maurice TESTO,</p><p><a href="${secretLink}">Activer mon compte</a></p>`,
  tag: "activation",
};
const config = { apiKey: "re_test_123", from: "Espace Famille <espace-famille@carbon-blanc.fr>" };

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const realFetch = global.fetch;
let fetchMock: jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit?]>;

beforeEach(() => {
  fetchMock = jest.fn();
  global.fetch = fetchMock as unknown as typeof fetch;
});

afterAll(() => {
  global.fetch = realFetch;
});

/** The one request the adapter made. */
function sentRequest() {
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0]!;
  return {
    url: String(url),
    init: init ?? {},
    headers: new Headers(init?.headers),
    body: JSON.parse(String(init?.body)) as Record<string, unknown>,
  };
}

describe("Resend adapter", () => {
  test("posts the mail to Resend's API with the key and the sender", async () => {
    fetchMock.mockResolvedValue(json(200, { id: "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794" }));

    await resendMailer(config).send(message);

    const { url, init, headers, body } = sentRequest();
    expect(url).toBe("https://api.resend.com/emails");
    expect(init.method).toBe("POST");
    expect(headers.get("Authorization")).toBe("Bearer re_test_123");
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(body).toMatchObject({
      from: "Espace Famille <espace-famille@carbon-blanc.fr>",
      to: "maurice.testo@example.org",
      subject: message.subject,
      html: message.html,
      text: message.text,
      tags: [{ name: "category", value: "activation" }],
    });
  });

  test("builds the SDK client lazily: creating the adapter makes no request and needs no network", () => {
    const adapter = resendMailer(config);
    expect(adapter.provider).toBe("resend");
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("a tag with characters Resend refuses is made acceptable, and no tag sends none", async () => {
    fetchMock.mockResolvedValue(json(200, { id: "x" }));
    await resendMailer(config).send({ ...message, tag: "décision acceptée" });
    expect(sentRequest().body.tags).toEqual([{ name: "category", value: "d_cision_accept_e" }]);

    fetchMock.mockClear();
    fetchMock.mockResolvedValue(json(200, { id: "y" }));
    await resendMailer(config).send({ ...message, tag: undefined });
    expect(sentRequest().body.tags).toBeUndefined();
  });

  test("an error answer becomes an exception with a technical message, without the mail's content", async () => {
    fetchMock.mockResolvedValue(
      json(422, {
        statusCode: 422,
        name: "validation_error",
        message: "Invalid `to` field. The email address needs to follow the `email@example.com` format.",
      }),
    );

    const sending = resendMailer(config).send(message);
    await expect(sending).rejects.toThrow(MailDeliveryError);
    const error = (await sending.catch((caught: unknown) => caught)) as MailDeliveryError;
    expect(error.message).toMatch(/^Resend rejected the mail: HTTP 422 validation_error – Invalid `to` field/);
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_error");
    for (const secret of [secretLink, "Zx9-single-use-token", message.html, message.text, "Maurice TESTO", "re_test_123"]) {
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });

  test("an error answer that echoes the link does not carry it into the exception", async () => {
    fetchMock.mockResolvedValue(json(422, { statusCode: 422, name: "validation_error", message: `Unexpected value near ${secretLink}` }));
    const error = (await resendMailer(config)
      .send(message)
      .catch((caught: unknown) => caught)) as Error;
    expect(error.message).toBe("Resend rejected the mail: HTTP 422 validation_error – Unexpected value near [url]");
    expect(error.message).not.toContain("single-use-token");
  });

  test("a refused key (403) and an unreachable service are reported as such", async () => {
    fetchMock.mockResolvedValue(json(403, { statusCode: 403, name: "invalid_api_key", message: "API key is invalid" }));
    await expect(resendMailer(config).send(message)).rejects.toThrow(
      "Resend rejected the mail: HTTP 403 invalid_api_key – API key is invalid",
    );

    fetchMock.mockRejectedValue(new TypeError("fetch failed"));
    await expect(resendMailer(config).send(message)).rejects.toThrow(/^Resend could not be reached \(application_error\)/);
  });
});

describe("mail adapter selection", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgresql://u@db/ef", AUTH_SECRET: "x".repeat(32) };

  test("Resend when a key is set, the outbox otherwise", () => {
    expect(mailer(parseEnv({ RESEND_API_KEY: "re_123" })).provider).toBe("resend");
    expect(mailer(parseEnv({})).provider).toBe("outbox");
  });

  test("a missing recipient or one with a line break is refused before any adapter, without echoing it", async () => {
    for (const to of ["", "  ", "victim@example.org\r\nBcc: everyone@example.org"]) {
      const error = (await sendMail({ ...message, to }).catch((caught: unknown) => caught)) as Error;
      expect(error.message).toBe("Mail recipient is missing or malformed");
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  test("the local inbox page exists only with the outbox, and in production only with LOCAL_STANDINS", () => {
    expect(isOutboxViewerEnabled(parseEnv({}))).toBe(true);
    expect(isOutboxViewerEnabled(parseEnv({ NODE_ENV: "test" }))).toBe(true);
    expect(isOutboxViewerEnabled(parseEnv({ RESEND_API_KEY: "re_123" }))).toBe(false);
    expect(isOutboxViewerEnabled(parseEnv({ ...production, RESEND_API_KEY: "re_123" }))).toBe(false);
    expect(isOutboxViewerEnabled(parseEnv({ ...production, RESEND_API_KEY: "re_123", LOCAL_STANDINS: "1" }))).toBe(false);
    expect(isOutboxViewerEnabled(parseEnv({ ...production, LOCAL_STANDINS: "1" }))).toBe(true);
  });
});
