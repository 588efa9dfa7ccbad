import "server-only";
import { Resend } from "resend";
import type { Mailer, MailMessage } from "./types";

export interface ResendConfig {
  apiKey: string;
  /** "Espace Famille <espace-famille@carbon-blanc.fr>", a sender on a domain verified at Resend. */
  from: string;
  /** Given explicitly so the SDK does not pick RESEND_BASE_URL from the environment. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** A mail Resend did not accept. The message is technical and never holds the mail's content. */
export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * The Resend adapter. The SDK client is built on the first mail, not at import:
 * `new Resend()` without a key throws, which would break `next build`.
 */
export function resendMailer({ apiKey, from, baseUrl = "https://api.resend.com", timeoutMs = 15_000 }: ResendConfig): Mailer {
  let client: Resend | undefined;
  return {
    provider: "resend",
    async send(message: MailMessage) {
      client ??= new Resend(apiKey, { baseUrl });
      const { error } = await client.emails.send(
        {
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.tag ? { tags: [{ name: "category", value: tagValue(message.tag) }] } : {}),
        },
        { signal: AbortSignal.timeout(timeoutMs), ...(message.idempotencyKey ? { idempotencyKey: message.idempotencyKey } : {}) },
      );
      if (error) {
        const status = error.statusCode ?? null;
        const detail = redact(error.message);
        throw new MailDeliveryError(
          status === null
            ? `Resend could not be reached (${error.name})${detail}`
            : `Resend rejected the mail: HTTP ${status} ${error.name}${detail}`,
          status,
          error.name,
        );
      }
    },
  };
}

/** Resend's own explanation is kept for the logs, without any address (a link could hold a token) and kept short. */
function redact(message: string | undefined): string {
  if (!message) return "";
  const clean = message
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[url]")
    .replace(/\s+/g, " ")
    .trim();
  return clean ? ` – ${clean.length > 200 ? `${clean.slice(0, 200)}…` : clean}` : "";
}

/** Resend accepts ASCII letters, digits, "_" and "-" in tags, up to 256 characters. */
function tagValue(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 256);
}
