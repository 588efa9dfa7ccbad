import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { billingConfig, monthLabel } from "./config";
import { PayfipError, payfipObject, type PaymentDetail } from "./payfip/client";
import { payfip } from "./payfip";
import { applySettledPayment } from "./settlement";

/**
 * Paying an invoice online with PayFiP. The payment row is written before the payer leaves, holding the
 * invoice's id in `pendingInvoiceId` (unique): a second attempt while one is pending cannot create another, it
 * reuses the pending one (or, past PayFiP's 15 minutes, closes it as expired first). The outcome is never taken
 * from the browser: the notification and the return page only say "ask PayFiP about this idOp".
 */
export const OPERATION_LIFETIME_MS = 15 * 60_000;

export interface OnlinePaymentStart {
  redirectUrl: string;
  paymentId: string;
  reused: boolean;
}

async function ownedInvoice(accountId: string, invoiceId: string) {
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, family: { accounts: { some: { id: accountId, status: "ACTIVE" } } } },
    select: {
      id: true,
      number: true,
      regie: true,
      status: true,
      kind: true,
      period: true,
      amountCents: true,
      paidCents: true,
      creditedCents: true,
      issuedAt: true,
    },
  });
  if (!invoice) throw new ExpectedError("Facture introuvable.");
  return invoice;
}

export async function startOnlinePayment(accountId: string, invoiceId: string, now = new Date()): Promise<OnlinePaymentStart> {
  const invoice = await ownedInvoice(accountId, invoiceId);
  if (invoice.kind !== "INVOICE" || invoice.status !== "ISSUED" || !invoice.number)
    throw new ExpectedError("Cette facture n'est pas à payer.");
  const remaining = invoice.amountCents - invoice.paidCents - invoice.creditedCents;
  if (remaining < 100)
    throw new ExpectedError("Le paiement en ligne est possible à partir de 1 € : réglez ce montant à l'accueil de la mairie.");
  const regie = billingConfig().regies.find((candidate) => candidate.code === invoice.regie);
  if (!regie) throw new Error(`no régie ${invoice.regie}`);
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { email: true } });

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const pending = await db().payment.findUnique({ where: { pendingInvoiceId: invoiceId } });
    if (pending) {
      if (now.getTime() - pending.createdAt.getTime() < OPERATION_LIFETIME_MS) {
        if (pending.idOp) return { redirectUrl: payfip().client.paymentPageUrl(pending.idOp), paymentId: pending.id, reused: true };
        // Another request is asking PayFiP for this payment's idOp right now: never close it under its feet.
        throw new ExpectedError("Un paiement est déjà en cours pour cette facture : terminez-le ou attendez quelques minutes.");
      }
      // Older than PayFiP keeps it (or its creation never finished): ask PayFiP, close it, then start again.
      const outcome = pending.idOp ? await settleOnlinePayment(pending.idOp, now) : await expirePayment(pending.id);
      if (outcome === "PENDING")
        throw new ExpectedError("Un paiement est déjà en cours pour cette facture : terminez-le ou attendez quelques minutes.");
      if (outcome === "SUCCEEDED") throw new ExpectedError("Cette facture vient d'être payée.");
      continue;
    }
    let paymentId: string;
    try {
      const payment = await db().payment.create({
        data: {
          invoiceId,
          amountCents: remaining,
          method: "PAYFIP",
          reference: `${invoice.number.replace(/[^A-Za-z0-9]/g, "")}-${Date.now().toString(36)}`,
          pendingInvoiceId: invoiceId,
          accountId,
        },
      });
      paymentId = payment.id;
    } catch (error) {
      // Another attempt for this invoice won the race: loop and reuse it.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        if (attempt === 0) continue;
        throw new ExpectedError("Un paiement est déjà en cours pour cette facture : terminez-le ou attendez quelques minutes.");
      }
      throw error;
    }
    const { client, saisie } = payfip();
    const appUrl = env().APP_URL;
    try {
      const idOp = await client.createPayment({
        numcli: regie.payfipClient,
        exer: String(invoice.issuedAt?.getUTCFullYear() ?? now.getUTCFullYear()),
        refdet: invoice.number.replace(/[^A-Za-z0-9]/g, ""),
        montant: remaining,
        mel: account.email,
        objet: payfipObject(`Facture ${invoice.number} ${monthLabel(invoice.period)}`),
        saisie,
        urlnotif: `${appUrl}/api/paiement/payfip/notification`,
        urlredirect: `${appUrl}/espace/factures/paiement/retour`,
      });
      await db().payment.update({ where: { id: paymentId }, data: { idOp } });
      await audit({
        actorType: "ACCOUNT",
        actorId: accountId,
        action: "billing.online-payment-started",
        targetType: "invoice",
        targetId: invoiceId,
        details: { paymentId, amountCents: remaining },
      });
      return { redirectUrl: client.paymentPageUrl(idOp), paymentId, reused: false };
    } catch (error) {
      await expirePayment(paymentId);
      if (error instanceof PayfipError) {
        console.warn(`[billing] PayFiP refused to create a payment (${error.code ?? "no code"}): ${error.message}`);
        throw new ExpectedError(
          "Le paiement en ligne est momentanément indisponible. Réessayez plus tard ou réglez à l'accueil de la mairie.",
        );
      }
      throw error;
    }
  }
  throw new ExpectedError("Un paiement est déjà en cours pour cette facture : terminez-le ou attendez quelques minutes.");
}

async function expirePayment(paymentId: string): Promise<"EXPIRED"> {
  await db().payment.updateMany({
    where: { id: paymentId, status: "PENDING" },
    data: { status: "EXPIRED", pendingInvoiceId: null, settledAt: new Date() },
  });
  return "EXPIRED";
}

/**
 * What PayFiP says about an idOp, applied once: the notification, the return page and a later attempt may all
 * call it, any number of times, in any order. Returns the payment's status afterwards (null: unknown idOp).
 */
export async function settleOnlinePayment(
  idOp: string,
  now = new Date(),
): Promise<"PENDING" | "SUCCEEDED" | "REFUSED" | "ABANDONED" | "EXPIRED" | null> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(idOp)) return null;
  const payment = await db().payment.findUnique({ where: { idOp }, include: { invoice: { select: { number: true } } } });
  if (!payment) return null;
  if (payment.status !== "PENDING") return payment.status;
  let detail: PaymentDetail;
  try {
    detail = await payfip().client.paymentDetail(idOp);
  } catch (error) {
    console.warn(`[billing] PayFiP detail unavailable: ${error instanceof Error ? error.message : "error"}`);
    return "PENDING";
  }
  if (detail.kind === "pending") return "PENDING";
  if (detail.kind === "unknown") {
    // P1 after PayFiP's clean-up: nothing was paid. Before 15 minutes an unknown answer is not trusted.
    if (now.getTime() - payment.createdAt.getTime() < OPERATION_LIFETIME_MS) return "PENDING";
    return expirePayment(payment.id);
  }
  const expectedRefdet = (payment.invoice.number ?? "").replace(/[^A-Za-z0-9]/g, "");
  if (detail.montant !== payment.amountCents || detail.refdet !== expectedRefdet) {
    console.error(`[billing] PayFiP detail does not match payment ${payment.id} (amount or refdet): left pending for staff`);
    return "PENDING";
  }
  const status = detail.resultrans === "P" || detail.resultrans === "V" ? "SUCCEEDED" : detail.resultrans === "A" ? "ABANDONED" : "REFUSED";
  await applySettledPayment(payment.id, status, detail.resultrans, detail.numauto);
  return status;
}

export async function invoiceOfPayment(idOp: string): Promise<string | null> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(idOp)) return null;
  return (await db().payment.findUnique({ where: { idOp }, select: { invoiceId: true } }))?.invoiceId ?? null;
}

/**
 * The safety net for lost notifications: a payer who paid and closed the tab before the return page, while
 * PayFiP's notification never reached us, would otherwise see the invoice unpaid until a new attempt. Every
 * pending payment older than `olderThanMs` is asked about again (one by one: PayFiP is a State service, not a
 * load test target); one never given its idOp is closed after PayFiP's 15 minutes. Idempotent, like the rest.
 */
export async function sweepPendingPayments(now = new Date(), olderThanMs = 5 * 60_000): Promise<Record<string, number>> {
  const pending = await db().payment.findMany({
    where: { status: "PENDING", method: "PAYFIP", createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    select: { id: true, idOp: true, createdAt: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  const outcomes: Record<string, number> = {};
  for (const payment of pending) {
    let outcome: string | null;
    if (payment.idOp) outcome = await settleOnlinePayment(payment.idOp, now);
    else outcome = now.getTime() - payment.createdAt.getTime() >= OPERATION_LIFETIME_MS ? await expirePayment(payment.id) : "PENDING";
    const key = outcome ?? "UNKNOWN";
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  return outcomes;
}
