import "server-only";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { escapeHtml } from "@/lib/platform/mail/templates";
import { queueMail } from "@/lib/platform/mail/queue";
import { town } from "@/lib/platform/town";
import { formatLongDate } from "@/lib/platform/format";
import { billingConfig, monthLabel } from "./config";
import { familyEmails } from "./family-context";
import { formatEuros } from "./money";

/**
 * Mails of billing, queued in the caller's transaction (lib/mail/queue.ts delivers them after the commit): a new
 * invoice, and a reminder some days before the due date. They hold no child's data: amounts, number, a link.
 */
interface InvoiceMailData {
  id: string;
  number: string | null;
  period: string;
  amountCents: number;
  paidCents: number;
  creditedCents: number;
  dueDate: Date;
}

function content(subject: string, paragraphs: string[], link: string) {
  const signature = `${town().contact.service} – ${town().name}`;
  const text = [...paragraphs, `Voir la facture : ${link}`, "", signature].join("\n\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("")}<p><a href="${escapeHtml(link)}">Voir la facture sur l'Espace Famille</a></p><p>${escapeHtml(signature)}</p></body></html>`;
  return { subject, text, html };
}

export function invoicePublishedMail(invoice: InvoiceMailData) {
  const link = `${env().APP_URL}/espace/factures/${invoice.id}`;
  return content(
    `Nouvelle facture ${invoice.number ?? ""} – ${town().portalName}`,
    [
      "Bonjour,",
      `Votre facture ${invoice.number} de ${monthLabel(invoice.period)} est disponible : ${formatEuros(invoice.amountCents)}, à régler avant le ${formatLongDate(invoice.dueDate)}.`,
      "Vous pouvez la consulter, la télécharger et la payer en ligne sur votre Espace Famille.",
    ],
    link,
  );
}

export function invoiceReminderMail(invoice: InvoiceMailData) {
  const link = `${env().APP_URL}/espace/factures/${invoice.id}`;
  const remaining = invoice.amountCents - invoice.paidCents - invoice.creditedCents;
  return content(
    `Rappel : facture ${invoice.number ?? ""} à régler avant le ${formatLongDate(invoice.dueDate)}`,
    [
      "Bonjour,",
      `Il reste ${formatEuros(remaining)} à régler sur votre facture ${invoice.number} de ${monthLabel(invoice.period)}, avant le ${formatLongDate(invoice.dueDate)}.`,
      "Si vous l'avez réglée entre-temps, ne tenez pas compte de ce message.",
    ],
    link,
  );
}

export async function queueInvoicePublishedMails(tx: Prisma.TransactionClient, invoiceIds: string[]): Promise<void> {
  const invoices = await tx.invoice.findMany({
    where: { id: { in: invoiceIds } },
    select: {
      id: true,
      familyId: true,
      number: true,
      period: true,
      amountCents: true,
      paidCents: true,
      creditedCents: true,
      dueDate: true,
    },
  });
  for (const invoice of invoices) {
    for (const to of await familyEmails(invoice.familyId, tx))
      await queueMail(tx, { ...invoicePublishedMail(invoice), to, tag: "invoice-published" });
  }
}

/**
 * The reminders due today: unpaid published invoices whose due date is within `reminderDaysBefore` days,
 * each reminded once (the conditional update on reminderSentAt makes two runs send one mail).
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const horizon = new Date(now);
  horizon.setUTCDate(horizon.getUTCDate() + billingConfig().reminderDaysBefore);
  const due = await db().invoice.findMany({
    where: {
      kind: "INVOICE",
      status: "ISSUED",
      reminderSentAt: null,
      dueDate: { lte: horizon, gte: new Date(now.toISOString().slice(0, 10)) },
    },
    select: { id: true },
    take: 500,
  });
  let sent = 0;
  for (const { id } of due) {
    await db().$transaction(async (tx) => {
      const claimed = await tx.invoice.updateMany({ where: { id, reminderSentAt: null, status: "ISSUED" }, data: { reminderSentAt: now } });
      if (claimed.count === 0) return;
      const invoice = await tx.invoice.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          familyId: true,
          number: true,
          period: true,
          amountCents: true,
          paidCents: true,
          creditedCents: true,
          dueDate: true,
        },
      });
      for (const to of await familyEmails(invoice.familyId, tx))
        await queueMail(tx, { ...invoiceReminderMail(invoice), to, tag: "invoice-reminder" });
      sent += 1;
    });
  }
  return sent;
}
