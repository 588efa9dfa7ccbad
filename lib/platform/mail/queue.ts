import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma, QueuedMail } from "@/lib/generated/prisma/client";
import { defineJob, enqueue } from "@/lib/platform/jobs";
import { assertRecipient, mailer, type MailMessage } from "./index";

/**
 * The mails that tell a parent something was recorded (an acknowledgement, a staff decision) are written to the
 * `queued_mails` outbox in the very transaction that records it, with a `mail.deliver` job (lib/platform/jobs)
 * in the same transaction: both exist if and only if the transaction commits. A worker delivers it.
 *
 * Exactly once: the delivery locks the queued mail's row (a second attempt of the same job, after a worker died,
 * waits, then finds it gone); the local outbox writes the mail and deletes it from the queue in one transaction,
 * and Resend is given the queued mail's id as idempotency key, so a crash between sending and deleting cannot send
 * twice. A delivered mail leaves the queue: its content is not kept. A mail still refused after about a day of
 * retries stays queued, and its failed job is listed for the administrators (/admin/taches), who may retry it.
 */
export const deliverMailJob = defineJob<{ mailId: string }>({
  name: "mail.deliver",
  // 1, 2, 4… minutes with jitter: ten retries span about a day.
  retryLimit: 10,
  retryDelaySeconds: 60,
  expireInSeconds: 120,
  handler: async ({ mailId }) => {
    await deliverQueuedMail(mailId);
  },
});

export async function queueMail(tx: Prisma.TransactionClient, message: MailMessage): Promise<void> {
  assertRecipient(message.to);
  const mail = await tx.queuedMail.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html, tag: message.tag },
    select: { id: true },
  });
  await enqueue(deliverMailJob, { mailId: mail.id }, { tx });
}

/** Delivers one queued mail; nothing to do when it was delivered already. Resolves with whether it sent it now. */
export async function deliverQueuedMail(mailId: string): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      const [mail] = await tx.$queryRaw<QueuedMail[]>`SELECT * FROM queued_mails WHERE id = ${mailId}::uuid FOR UPDATE`;
      if (!mail) return false;
      assertRecipient(mail.to);
      const current = mailer();
      if (current.provider === "outbox") {
        await tx.outboxMail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html } });
      } else {
        await current.send({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          tag: mail.tag ?? undefined,
          idempotencyKey: mail.id,
        });
      }
      await tx.queuedMail.delete({ where: { id: mail.id } });
      return true;
    },
    // Resend answers within its own timeout; the row stays locked meanwhile.
    { timeout: 60_000 },
  );
}
