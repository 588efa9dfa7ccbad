import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { csvCell } from "@/lib/platform/format/csv";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { dateOf, regieOf } from "./config";
import { PAYMENT_METHOD_LABELS, shortDay } from "./labels";

/**
 * A régie's journal for the treasury: every invoice and credit note issued, every payment received and every
 * refund made over a period, one row each, amounts in euros with a comma (debit: owed by families; credit:
 * received or cancelled). UTF-8 with BOM, ";" and CRLF, like the other exports.
 */
export const JOURNAL_COLUMNS = [
  "date",
  "regie",
  "type",
  "numero",
  "dossier_famille",
  "periode",
  "mode",
  "reference",
  "debit",
  "credit",
] as const;

const euros = (cents: number) => `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

export async function regieJournalCsv(caller: Caller, regieCode: string, from: string, to: string): Promise<string> {
  const actor = await authorizeStaff(caller);
  if (!regieOf(regieCode)) throw new ExpectedError("Régie inconnue.", "regie");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to)
    throw new ExpectedError("Période invalide.", "from");
  const start = dateOf(from);
  const end = new Date(dateOf(to).getTime() + 24 * 3600 * 1000);
  const [invoices, payments, refunds] = await Promise.all([
    db().invoice.findMany({
      where: { regie: regieCode, issuedAt: { gte: start, lt: end } },
      orderBy: { issuedAt: "asc" },
      include: { family: { select: { dossierNumber: true } } },
    }),
    db().payment.findMany({
      where: { status: "SUCCEEDED", invoice: { regie: regieCode }, settledAt: { gte: start, lt: end } },
      orderBy: { settledAt: "asc" },
      include: { invoice: { select: { number: true, period: true, family: { select: { dossierNumber: true } } } } },
    }),
    db().refund.findMany({ where: { createdAt: { gte: start, lt: end } }, orderBy: { createdAt: "asc" } }),
  ]);
  const notes = new Map(
    (
      await db().invoice.findMany({
        where: { id: { in: refunds.map((refund) => refund.creditNoteId) }, regie: regieCode },
        include: { family: { select: { dossierNumber: true } } },
      })
    ).map((note) => [note.id, note]),
  );
  const rows: { at: Date; cells: (string | number | null | undefined)[] }[] = [];
  for (const invoice of invoices) {
    const credit = invoice.kind === "CREDIT_NOTE";
    rows.push({
      at: invoice.issuedAt!,
      cells: [
        shortDay(invoice.issuedAt!),
        regieCode,
        credit ? "avoir" : "facture",
        invoice.number,
        invoice.family.dossierNumber,
        invoice.period,
        null,
        null,
        credit ? null : euros(invoice.amountCents),
        credit ? euros(invoice.amountCents) : null,
      ],
    });
  }
  for (const payment of payments) {
    rows.push({
      at: payment.settledAt!,
      cells: [
        shortDay(payment.settledAt!),
        regieCode,
        "paiement",
        payment.invoice.number,
        payment.invoice.family.dossierNumber,
        payment.invoice.period,
        PAYMENT_METHOD_LABELS[payment.method],
        payment.method === "PAYFIP" ? payment.idOp : payment.note,
        null,
        euros(payment.amountCents),
      ],
    });
  }
  for (const refund of refunds) {
    const note = notes.get(refund.creditNoteId);
    if (!note) continue;
    rows.push({
      at: refund.createdAt,
      cells: [
        shortDay(refund.createdAt),
        regieCode,
        "remboursement",
        note.number,
        note.family.dossierNumber,
        note.period,
        PAYMENT_METHOD_LABELS[refund.method],
        refund.reference,
        euros(refund.amountCents),
        null,
      ],
    });
  }
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  await audit({
    ...staffAudit(actor),
    action: "billing.journal-exported",
    targetType: "regie",
    targetId: regieCode,
    details: { from, to, rows: rows.length },
  });
  return "\uFEFF" + [JOURNAL_COLUMNS.join(";"), ...rows.map((row) => row.cells.map(csvCell).join(";"))].join("\r\n") + "\r\n";
}

/** Staff search of published invoices by number or dossier (each search audited). */
export async function searchInvoices(caller: Caller, query: { regie?: string; text?: string }) {
  const actor = await authorizeStaff(caller);
  const text = (query.text ?? "").trim().slice(0, 60);
  const invoices = await db().invoice.findMany({
    where: {
      status: { not: "DRAFT" },
      ...(query.regie ? { regie: query.regie } : {}),
      ...(text
        ? {
            OR: [
              { number: { contains: text, mode: "insensitive" as const } },
              { family: { dossierNumber: { contains: text, mode: "insensitive" as const } } },
            ],
          }
        : {}),
    },
    orderBy: { issuedAt: "desc" },
    take: 50,
    include: { family: { select: { dossierNumber: true } } },
  });
  await audit({ ...staffAudit(actor), action: "billing.invoices-searched", details: { regie: query.regie ?? null, text: text || null } });
  return invoices;
}

export async function getInvoiceForStaff(caller: Caller, invoiceId: string) {
  const actor = await authorizeStaff(caller);
  if (!/^[0-9a-f-]{36}$/i.test(invoiceId)) return null;
  const invoice = await db().invoice.findUnique({
    where: { id: invoiceId },
    include: {
      lines: { orderBy: { position: "asc" } },
      payments: { orderBy: { createdAt: "asc" } },
      family: { select: { dossierNumber: true, members: { where: { role: "HOLDER" }, select: { firstName: true, usageName: true } } } },
      corrects: { select: { id: true, number: true } },
      corrections: { select: { id: true, number: true, kind: true, amountCents: true, refundableCents: true, refundedCents: true } },
    },
  });
  if (invoice) await audit({ ...staffAudit(actor), action: "billing.invoice-viewed", targetType: "invoice", targetId: invoiceId });
  return invoice;
}
