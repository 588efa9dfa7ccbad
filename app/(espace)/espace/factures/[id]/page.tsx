import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { payOnlineAction } from "@/lib/billing/actions";
import { billingConfig, monthLabel } from "@/lib/billing/config";
import { InvoiceLines } from "@/lib/billing/components/InvoiceLines";
import { getFamilyInvoice, remainingCents } from "@/lib/billing/invoices";
import { INVOICE_STATUS_LABELS, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS, shortDay } from "@/lib/billing/labels";
import { formatEuros } from "@/lib/billing/money";

export const metadata: Metadata = { title: "Ma facture" };

const PAYMENT_MESSAGES: Record<string, { role: "status" | "alert"; text: string }> = {
  SUCCEEDED: { role: "status", text: "Votre paiement a été accepté. Merci ! La facture est réglée." },
  REFUSED: { role: "alert", text: "Le paiement a été refusé par votre banque. Aucune somme n'a été prélevée : vous pouvez réessayer." },
  ABANDONED: { role: "alert", text: "Vous avez abandonné le paiement. Aucune somme n'a été prélevée : vous pouvez réessayer." },
  EXPIRED: { role: "alert", text: "Le délai de paiement est dépassé. Aucune somme n'a été prélevée : vous pouvez réessayer." },
  PENDING: { role: "status", text: "Votre paiement est en cours de confirmation par PayFiP. Rechargez cette page dans quelques instants." },
};

export default async function InvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ paiement?: string; erreur?: string }>;
}) {
  const { id } = await params;
  const parent = await requireParent(`/espace/factures/${id}`);
  const invoice = await getFamilyInvoice(parent.id, id);
  if (!invoice) notFound();
  const search = await searchParams;
  const remaining = remainingCents(invoice);
  const regie = billingConfig().regies.find((candidate) => candidate.code === invoice.regie);
  const message = search.paiement ? PAYMENT_MESSAGES[search.paiement] : undefined;
  const title = `${invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} ${invoice.number}`;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/espace/factures" className="link">
          Retour à mes factures
        </Link>
      </p>
      <h1 className="page-title">{title}</h1>
      {message ? (
        <p
          role={message.role}
          className={`rounded-md border-2 p-3 font-medium ${message.role === "status" ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-800"}`}
        >
          {message.text}
        </p>
      ) : null}
      {search.erreur ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {search.erreur.slice(0, 300)}
        </p>
      ) : null}
      <section aria-labelledby="resume-titre" className="card flex flex-col gap-3">
        <h2 id="resume-titre" className="section-title">
          {monthLabel(invoice.period)} · {regie?.name ?? invoice.regie}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Montant</dt>
          <dd>{formatEuros(invoice.amountCents)}</dd>
          <dt className="font-semibold">État</dt>
          <dd>{INVOICE_STATUS_LABELS[invoice.status]}</dd>
          {invoice.kind === "INVOICE" ? (
            <>
              <dt className="font-semibold">Reste à payer</dt>
              <dd>{formatEuros(remaining)}</dd>
              <dt className="font-semibold">À régler avant le</dt>
              <dd>{shortDay(invoice.dueDate)}</dd>
            </>
          ) : null}
          <dt className="font-semibold">Quotient familial</dt>
          <dd>
            {invoice.quotientValue === null ? "non connu" : `${invoice.quotientValue} €`} · {invoice.quotientBracket}
          </dd>
        </dl>
        {invoice.corrects ? (
          <p>
            Corrige la facture{" "}
            <Link className="link" href={`/espace/factures/${invoice.corrects.id}`}>
              {invoice.corrects.number}
            </Link>
            {invoice.correctionReason ? ` : ${invoice.correctionReason}` : ""}.
          </p>
        ) : null}
        <div className="flex flex-col gap-3 sm:flex-row">
          {invoice.kind === "INVOICE" && invoice.status === "ISSUED" && remaining >= 100 ? (
            <form action={payOnlineAction}>
              <input type="hidden" name="invoice" value={invoice.id} />
              <button type="submit" className="btn-primary w-full sm:w-auto">
                Payer {formatEuros(remaining)} en ligne
              </button>
            </form>
          ) : null}
          <a href={`/espace/factures/${invoice.id}/pdf`} className="btn-secondary text-center">
            Télécharger le PDF<span className="sr-only"> de la {title}</span>
          </a>
        </div>
        {invoice.kind === "INVOICE" && invoice.status === "ISSUED" && regie ? (
          <p className="text-sm text-slate-700">Vous pouvez aussi payer {regie.payAt}.</p>
        ) : null}
      </section>
      <section aria-labelledby="lignes-titre" className="card">
        <h2 id="lignes-titre" className="section-title mb-3">
          Détail par enfant et par jour
        </h2>
        <InvoiceLines lines={invoice.lines} />
      </section>
      {invoice.payments.length > 0 ? (
        <section aria-labelledby="paiements-titre" className="card">
          <h2 id="paiements-titre" className="section-title mb-3">
            Paiements
          </h2>
          <ul className="flex flex-col gap-1">
            {invoice.payments.map((payment) => (
              <li key={payment.id}>
                {shortDay(payment.settledAt ?? payment.createdAt)} · {PAYMENT_METHOD_LABELS[payment.method]} ·{" "}
                {formatEuros(payment.amountCents)} · {PAYMENT_STATUS_LABELS[payment.status]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
