import "server-only";
import { db } from "@/lib/platform/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Mailer, MailMessage } from "./types";

/**
 * The local stand-in for Resend: mails are written to the `outbox_mails` table and read at
 * /dev/courriels. The tag has no column; it only matters to Resend's statistics.
 */
export function outboxMailer(client: () => PrismaClient = db): Mailer {
  return {
    provider: "outbox",
    async send({ to, subject, text, html }: MailMessage) {
      await client().outboxMail.create({ data: { to, subject, text, html } });
    },
  };
}

export interface OutboxMailSummary {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

/** The latest mails, newest first, optionally for one recipient (case-insensitive). */
export async function listOutboxMails(
  { to, limit = 50 }: { to?: string; limit?: number } = {},
  client: () => PrismaClient = db,
): Promise<OutboxMailSummary[]> {
  const recipient = to?.trim();
  return client().outboxMail.findMany({
    where: recipient ? { to: { equals: recipient, mode: "insensitive" } } : undefined,
    // uuid v7 ids grow with time: they order mails written in the same millisecond.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getOutboxMail(id: string, client: () => PrismaClient = db) {
  if (!uuid.test(id)) return null;
  return client().outboxMail.findUnique({ where: { id } });
}
