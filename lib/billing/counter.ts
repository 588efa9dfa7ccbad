import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { dateOf } from "./config";
import { nextNumber } from "./runs";
import { addPaid, OverpaymentError } from "./settlement";

/**
 * What the régie's staff record at the counter: payments (cash, cheque, CESU, transfer; partial ones too),
 * credit notes and corrective invoices (a published invoice is never edited), refunds of what a credit note
 * leaves owed to the family. Every amount moves by a conditional update the database checks.
 */
export const COUNTER_METHODS = ["CASH", "CHEQUE", "CESU", "TRANSFER"] as const;
export type CounterMethod = (typeof COUNTER_METHODS)[number];

function assertAmount(amountCents: number) {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw new ExpectedError("Saisissez un montant supérieur à 0 (ex. : 12,50).", "amount");
}

export async function recordCounterPayment(
  caller: Caller,
  invoiceId: string,
  input: { method: CounterMethod; amountCents: number; reference?: string },
) {
  const actor = await authorizeStaff(caller);
  assertAmount(input.amountCents);
  if (!COUNTER_METHODS.includes(input.method)) throw new ExpectedError("Mode de paiement inconnu.", "method");
  return db().$transaction(async (tx) => {
    const [invoice] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
    if (!invoice) throw new ExpectedError("Facture introuvable.");
    if (await tx.payment.findUnique({ where: { pendingInvoiceId: invoiceId }, select: { id: true } })) {
      throw new ExpectedError("Un paiement en ligne est en cours sur cette facture : attendez son résultat (15 minutes au plus).");
    }
    const payment = await tx.payment.create({
      data: {
        invoiceId,
        amountCents: input.amountCents,
        method: input.method,
        status: "SUCCEEDED",
        reference: `${input.method}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        note: input.reference?.trim().slice(0, 100) || null,
        recordedById: actor.id,
        settledAt: new Date(),
      },
    });
    try {
      await addPaid(tx, invoiceId, input.amountCents);
    } catch (error) {
      if (error instanceof OverpaymentError)
        throw new ExpectedError("Ce montant dépasse ce qui reste à payer (ou la facture n'est plus à payer).", "amount");
      throw error;
    }
    await audit(
      {
        ...staffAudit(actor),
        action: "billing.counter-payment",
        targetType: "invoice",
        targetId: invoiceId,
        details: { paymentId: payment.id, method: input.method, amountCents: input.amountCents },
      },
      tx,
    );
    return payment.id;
  });
}

/**
 * A credit note on a published invoice: numbered in the régie's credit-note series. What is still to pay is
 * cancelled first; the rest (the invoice was already paid) is owed to the family until refunded.
 */
export async function issueCreditNote(caller: Caller, invoiceId: string, input: { amountCents: number; reason: string }) {
  const actor = await authorizeStaff(caller);
  assertAmount(input.amountCents);
  const reason = input.reason.trim().slice(0, 300);
  if (!reason) throw new ExpectedError("Indiquez le motif de l'avoir.", "reason");
  return db().$transaction(async (tx) => {
    const [invoice] = await tx.$queryRaw<
      {
        id: string;
        regie: string;
        familyId: string;
        period: string;
        status: string;
        kind: string;
        amountCents: number;
        paidCents: number;
        creditedCents: number;
        dueDate: Date;
        quotientValue: number | null;
        quotientBracket: string;
      }[]
    >`
      SELECT id, regie, "familyId", period, status::text, kind::text, "amountCents", "paidCents", "creditedCents", "dueDate", "quotientValue", "quotientBracket" FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
    if (!invoice || invoice.kind !== "INVOICE" || invoice.status === "DRAFT")
      throw new ExpectedError("Un avoir ne porte que sur une facture publiée.");
    const credited = await tx.invoice.aggregate({ where: { correctsId: invoiceId, kind: "CREDIT_NOTE" }, _sum: { amountCents: true } });
    if ((credited._sum.amountCents ?? 0) + input.amountCents > invoice.amountCents)
      throw new ExpectedError("Les avoirs dépasseraient le montant de la facture.", "amount");
    if (await tx.payment.findUnique({ where: { pendingInvoiceId: invoiceId }, select: { id: true } }))
      throw new ExpectedError("Un paiement en ligne est en cours sur cette facture : attendez son résultat.");
    const applied = Math.min(input.amountCents, invoice.amountCents - invoice.paidCents - invoice.creditedCents);
    const number = await nextNumber(tx, invoice.regie, "CREDIT_NOTE", new Date().getUTCFullYear());
    const note = await tx.invoice.create({
      data: {
        number: null,
        kind: "CREDIT_NOTE",
        regie: invoice.regie,
        familyId: invoice.familyId,
        period: invoice.period,
        amountCents: input.amountCents,
        quotientValue: invoice.quotientValue,
        quotientBracket: invoice.quotientBracket,
        dueDate: invoice.dueDate,
        correctsId: invoiceId,
        correctionReason: reason,
        refundableCents: input.amountCents - applied,
        lines: {
          create: [
            {
              childName: "Famille",
              date: dateOf(`${invoice.period}-01`),
              activityCode: "AVOIR",
              label: `Avoir : ${reason}`,
              state: "CREDIT",
              unitPriceCents: input.amountCents,
              amountCents: input.amountCents,
              pricing: "avoir",
            },
          ],
        },
      },
    });
    await tx.invoice.update({ where: { id: note.id }, data: { number, status: "ISSUED", issuedAt: new Date() } });
    if (applied > 0) {
      await tx.$executeRaw`UPDATE invoices SET "creditedCents" = "creditedCents" + ${applied},
        status = CASE WHEN "paidCents" + "creditedCents" + ${applied} = "amountCents" THEN (CASE WHEN "paidCents" = 0 THEN 'CANCELLED' ELSE 'PAID' END)::"InvoiceStatus" ELSE status END, "updatedAt" = now()
        WHERE id = ${invoiceId}::uuid`;
    }
    await audit(
      {
        ...staffAudit(actor),
        action: "billing.credit-note-issued",
        targetType: "invoice",
        targetId: invoiceId,
        details: { creditNoteId: note.id, amountCents: input.amountCents, applied },
      },
      tx,
    );
    return { id: note.id, number, refundableCents: input.amountCents - applied };
  });
}

/** A corrective invoice: what the published invoice missed, billed separately and pointing to it. */
export async function issueCorrectiveInvoice(caller: Caller, invoiceId: string, input: { amountCents: number; reason: string }) {
  const actor = await authorizeStaff(caller);
  assertAmount(input.amountCents);
  const reason = input.reason.trim().slice(0, 300);
  if (!reason) throw new ExpectedError("Indiquez le motif de la facture rectificative.", "reason");
  return db().$transaction(async (tx) => {
    const original = await tx.invoice.findUnique({ where: { id: invoiceId } });
    if (!original || original.kind !== "INVOICE" || original.status === "DRAFT")
      throw new ExpectedError("Une facture rectificative porte sur une facture publiée.");
    const number = await nextNumber(tx, original.regie, "INVOICE", new Date().getUTCFullYear());
    const due = new Date();
    due.setUTCDate(due.getUTCDate() + 30);
    const created = await tx.invoice.create({
      data: {
        kind: "INVOICE",
        regie: original.regie,
        familyId: original.familyId,
        period: original.period,
        amountCents: input.amountCents,
        quotientValue: original.quotientValue,
        quotientBracket: original.quotientBracket,
        dueDate: dateOf(due.toISOString().slice(0, 10)),
        correctsId: invoiceId,
        correctionReason: reason,
        lines: {
          create: [
            {
              childName: "Famille",
              date: dateOf(`${original.period}-01`),
              activityCode: "RECTIFICATION",
              label: `Rectification : ${reason}`,
              state: "PRESENT",
              unitPriceCents: input.amountCents,
              amountCents: input.amountCents,
              pricing: "facture rectificative",
            },
          ],
        },
      },
    });
    await tx.invoice.update({ where: { id: created.id }, data: { number, status: "ISSUED", issuedAt: new Date() } });
    await audit(
      {
        ...staffAudit(actor),
        action: "billing.corrective-invoice-issued",
        targetType: "invoice",
        targetId: invoiceId,
        details: { correctiveId: created.id, amountCents: input.amountCents },
      },
      tx,
    );
    return { id: created.id, number };
  });
}

export async function recordRefund(
  caller: Caller,
  creditNoteId: string,
  input: { method: CounterMethod; amountCents: number; reference?: string },
) {
  const actor = await authorizeStaff(caller);
  assertAmount(input.amountCents);
  return db().$transaction(async (tx) => {
    const updated = await tx.$executeRaw`UPDATE invoices SET "refundedCents" = "refundedCents" + ${input.amountCents}, "updatedAt" = now()
      WHERE id = ${creditNoteId}::uuid AND kind = 'CREDIT_NOTE' AND "refundedCents" + ${input.amountCents} <= "refundableCents"`;
    if (updated !== 1) throw new ExpectedError("Ce remboursement dépasse ce que l'avoir laisse à rembourser.", "amount");
    const refund = await tx.refund.create({
      data: {
        creditNoteId,
        amountCents: input.amountCents,
        method: input.method,
        reference: input.reference?.trim().slice(0, 100) || null,
        recordedById: actor.id,
      },
    });
    await audit(
      {
        ...staffAudit(actor),
        action: "billing.refund-recorded",
        targetType: "invoice",
        targetId: creditNoteId,
        details: { refundId: refund.id, amountCents: input.amountCents },
      },
      tx,
    );
    return refund.id;
  });
}
