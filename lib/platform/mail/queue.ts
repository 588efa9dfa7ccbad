import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma, QueuedMail } from "@/lib/generated/prisma/client";
import { assertRecipient, mailer, type MailMessage } from "./index";

/**
 * The mails that tell a parent something was recorded (an acknowledgement, a staff decision) are queued in
 * the very transaction that records it, then delivered from here: right after the commit by the request
 * that made it, and by a dispatcher every 30 s for whatever a crash or a provider outage left behind.
 *
 * Exactly once: a delivery first takes a lease on the mail (FOR UPDATE SKIP LOCKED: two deliverers never
 * take the same one); the local outbox writes the mail and deletes it from the queue in one transaction, and
 * Resend is given the queued mail's id as idempotency key, so a crash between sending and deleting cannot
 * send twice. A delivered mail leaves the queue: its content is not kept.
 */

const LEASE_MS = 2 * 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** About a day of attempts (1, 2, 4… minutes, then hourly): a mail still refused then is given up, and recorded. */
export const MAX_ATTEMPTS = 30;

export async function queueMail(tx: Prisma.TransactionClient, message: MailMessage): Promise<void> {
  assertRecipient(message.to);
  await tx.queuedMail.create({ data: { to: message.to, subject: message.subject, text: message.text, html: message.html, tag: message.tag } });
}

/** Takes up to `limit` mails due now, leasing them for two minutes. */
async function claim(limit: number): Promise<QueuedMail[]> {
  return db().$queryRaw<QueuedMail[]>`
    UPDATE queued_mails SET "nextAttemptAt" = now() + ${`${LEASE_MS} milliseconds`}::interval, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM queued_mails WHERE "nextAttemptAt" <= now()
      ORDER BY "createdAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    RETURNING *`;
}

async function deliver(mail: QueuedMail): Promise<void> {
  const message: MailMessage = { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, tag: mail.tag ?? undefined, idempotencyKey: mail.id };
  assertRecipient(mail.to);
  const current = mailer();
  if (current.provider === "outbox") {
    await db().$transaction(async (tx) => {
      await tx.outboxMail.create({ data: { to: message.to, subject: message.subject, text: message.text, html: message.html } });
      await tx.queuedMail.delete({ where: { id: mail.id } });
    });
    return;
  }
  await current.send(message);
  await db().queuedMail.delete({ where: { id: mail.id } });
}

/**
 * Delivers what is due; a failure waits 1, 2, 4… minutes (an hour at most) before the next attempt.
 * Returns the counts, for the dispatcher's log and the tests.
 */
export async function deliverQueuedMails({ limit = 50 }: { limit?: number } = {}): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  for (const mail of await claim(limit)) {
    try {
      await deliver(mail);
      result.sent += 1;
    } catch (error) {
      result.failed += 1;
      const name = error instanceof Error ? error.name : "Error";
      if (mail.attempts >= MAX_ATTEMPTS) {
        await db().queuedMail.delete({ where: { id: mail.id } });
        await audit({ actorType: "SYSTEM", action: "mail.abandoned", targetType: "QueuedMail", targetId: mail.id, details: { tag: mail.tag, attempts: mail.attempts, lastError: name } });
        continue;
      }
      const wait = Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, mail.attempts - 1));
      await db().queuedMail.update({ where: { id: mail.id }, data: { lastError: name, nextAttemptAt: new Date(Date.now() + wait) } });
    }
  }
  return result;
}

/** Right after a commit: the mail leaves now when it can; if not, the dispatcher retries it. */
export async function deliverQueuedMailsSoon(): Promise<void> {
  try {
    await deliverQueuedMails();
  } catch (error) {
    console.error("Envoi des courriels en attente impossible pour l'instant :", error instanceof Error ? error.name : "erreur");
  }
}

let dispatcher: NodeJS.Timeout | undefined;

/** Every 30 s in each server process (started by instrumentation-node.ts); never keeps the process alive. */
export function startMailDispatcher(intervalMs = 30_000): void {
  if (dispatcher) return;
  dispatcher = setInterval(() => void deliverQueuedMails().catch(() => undefined), intervalMs);
  dispatcher.unref();
  void deliverQueuedMails().catch(() => undefined);
}
