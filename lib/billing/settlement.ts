import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Moves a pending payment to its outcome, once: the conditional update on status PENDING lets exactly one
 * caller through; a success adds to the invoice's paid amount in the same transaction (the CHECK refuses to
 * pay beyond the amount).
 */
export async function applySettledPayment(
  paymentId: string,
  status: "SUCCEEDED" | "REFUSED" | "ABANDONED",
  resultrans: string,
  numauto: string | null,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.payment.updateMany({
      where: { id: paymentId, status: "PENDING" },
      data: { status, resultrans, pendingInvoiceId: null, settledAt: new Date(), note: numauto ? `autorisation ${numauto}` : undefined },
    });
    if (claimed.count === 0) return false;
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: paymentId },
      select: { invoiceId: true, amountCents: true, accountId: true },
    });
    if (status === "SUCCEEDED") await addPaid(tx, payment.invoiceId, payment.amountCents);
    await audit(
      {
        actorType: "SYSTEM",
        action: `billing.online-payment-${status.toLowerCase()}`,
        targetType: "payment",
        targetId: paymentId,
        details: { invoiceId: payment.invoiceId, resultrans },
      },
      tx,
    );
    return true;
  });
}

/** Adds a payment to an invoice and marks it paid when nothing is left (one statement: no read-then-write). */
export async function addPaid(tx: Prisma.TransactionClient, invoiceId: string, amountCents: number): Promise<void> {
  const updated = await tx.$executeRaw`
    UPDATE invoices SET "paidCents" = "paidCents" + ${amountCents},
      status = CASE WHEN "paidCents" + ${amountCents} + "creditedCents" = "amountCents" THEN 'PAID'::"InvoiceStatus" ELSE status END,
      "updatedAt" = now()
    WHERE id = ${invoiceId}::uuid AND status = 'ISSUED' AND kind = 'INVOICE' AND "paidCents" + ${amountCents} + "creditedCents" <= "amountCents"`;
  if (updated !== 1) throw new OverpaymentError();
}

export class OverpaymentError extends Error {
  override name = "OverpaymentError";
  constructor() {
    super("Ce montant dépasse ce qui reste à payer sur la facture.");
  }
}
