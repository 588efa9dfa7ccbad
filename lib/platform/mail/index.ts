import "server-only";
import { adapters, env, type Env } from "@/lib/platform/env";
import { outboxMailer } from "./outbox";
import { resendMailer } from "./resend";
import type { Mailer, MailMessage } from "./types";

export { getOutboxMail, listOutboxMails, type OutboxMailSummary } from "./outbox";
export { MailDeliveryError } from "./resend";
export type { Mailer, MailMessage } from "./types";

/**
 * Sending mail, behind one small interface: Resend when RESEND_API_KEY is set, the local outbox
 * (the `outbox_mails` table, read at /dev/courriels) otherwise. Callers build the content with
 * ./templates and never know which adapter runs.
 * Bodies hold single-use links: nothing here logs a body, a link or a token.
 */

let cached: { source: Env; mailer: Mailer } | undefined;

/** The adapter for this configuration (kept, so the Resend client is built once per process). */
export function mailer(current: Env = env()): Mailer {
  if (cached?.source !== current) {
    cached = {
      source: current,
      mailer: current.RESEND_API_KEY ? resendMailer({ apiKey: current.RESEND_API_KEY, from: current.MAIL_FROM }) : outboxMailer(),
    };
  }
  return cached.mailer;
}

/** Refuses an empty address or one carrying a header injection. The address is not echoed: it is personal data and errors end up in logs. */
export function assertRecipient(to: string): void {
  if (!to.trim() || /[\r\n]/.test(to)) throw new Error("Mail recipient is missing or malformed");
}

export async function sendMail(message: MailMessage): Promise<void> {
  assertRecipient(message.to);
  await mailer().send(message);
}

/**
 * The local inbox (/dev/courriels) shows every mail with its links, so it exists only when mails
 * go to the outbox, and in production only for `next start` with LOCAL_STANDINS (browser tests, benchmark).
 */
export function isOutboxViewerEnabled(current: Env = env()): boolean {
  return adapters(current).mail === "outbox" && (current.NODE_ENV !== "production" || current.LOCAL_STANDINS);
}
