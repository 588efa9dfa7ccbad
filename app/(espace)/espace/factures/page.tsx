import type { Metadata } from "next";
import Link from "next/link";
import { requireParent } from "@/lib/auth/session";
import { monthLabel } from "@/lib/billing/config";
import { listFamilyInvoices, remainingCents } from "@/lib/billing/invoices";
import { INVOICE_STATUS_LABELS, shortDay } from "@/lib/billing/labels";
import { formatEuros } from "@/lib/billing/money";
import { QuotientSummary } from "@/lib/billing/components/QuotientSummary";

export const metadata: Metadata = { title: "Mes factures" };

export default async function InvoicesPage() {
  const parent = await requireParent("/espace/factures");
  const invoices = await listFamilyInvoices(parent.id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Mes factures</h1>
      <QuotientSummary accountId={parent.id} />
      <section aria-labelledby="factures-titre" className="card">
        <h2 id="factures-titre" className="section-title mb-3">
          Factures et avoirs
        </h2>
        {invoices.length === 0 ? (
          <p>Aucune facture pour le moment. Les factures sont publiées chaque mois pour le mois écoulé.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {invoices.map((invoice) => {
              const remaining = remainingCents(invoice);
              return (
                <li key={invoice.id} className="flex flex-col gap-1 py-3">
                  <Link href={`/espace/factures/${invoice.id}`} className="link font-semibold">
                    {invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} {invoice.number} – {monthLabel(invoice.period)}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {formatEuros(invoice.amountCents)} · {INVOICE_STATUS_LABELS[invoice.status]}
                    {invoice.kind === "INVOICE" && invoice.status === "ISSUED"
                      ? ` · reste ${formatEuros(remaining)} avant le ${shortDay(invoice.dueDate)}`
                      : ""}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
