import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FormSelect, FormText } from "@/components/forms/ActionForm";
import { computeDraftAction } from "@/lib/billing/admin-actions";
import { billingConfig, monthLabel } from "@/lib/billing/config";
import { searchInvoices } from "@/lib/billing/journal";
import { INVOICE_STATUS_LABELS } from "@/lib/billing/labels";
import { formatEuros } from "@/lib/billing/money";
import { listRuns } from "@/lib/billing/runs";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Facturation" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ recherche?: string }> }) {
  const caller = await staffCaller();
  const { recherche } = await searchParams;
  const runs = await listRuns(caller);
  const found = recherche ? await searchInvoices(caller, { text: recherche }) : null;
  const regies = billingConfig().regies.map((regie) => ({ value: regie.code, label: regie.name }));
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Facturation</h1>
      <p>
        <Link href="/admin/facturation/quotients" className="link">
          Attestations de quotient familial à vérifier
        </Link>
      </p>
      <section aria-labelledby="calcul-titre" className="card">
        <h2 id="calcul-titre" className="section-title mb-3">
          Calculer un brouillon de facturation
        </h2>
        <ActionForm action={computeDraftAction} submitLabel="Calculer le brouillon">
          <FormSelect name="regie" label="Régie" options={regies} required />
          <FormText
            name="month"
            label="Mois facturé (aaaa-mm)"
            defaultValue={lastMonth.toISOString().slice(0, 7)}
            required
            inputMode="numeric"
          />
        </ActionForm>
      </section>
      <section aria-labelledby="campagnes-titre" className="card overflow-x-auto">
        <h2 id="campagnes-titre" className="section-title mb-3">
          Campagnes
        </h2>
        {runs.length === 0 ? (
          <p>Aucune campagne pour le moment.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Campagnes de facturation par mois et régie</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-2">
                  Mois
                </th>
                <th scope="col" className="p-2">
                  Régie
                </th>
                <th scope="col" className="p-2">
                  État
                </th>
                <th scope="col" className="p-2">
                  Factures
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} className="border-b border-slate-200">
                  <td className="p-2">
                    <Link href={`/admin/facturation/campagnes/${run.id}`} className="link">
                      {monthLabel(run.month)}
                    </Link>
                  </td>
                  <td className="p-2">{run.regie}</td>
                  <td className="p-2">{run.status === "DRAFT" ? "Brouillon à vérifier" : "Publiée"}</td>
                  <td className="p-2">{run._count.invoices}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="recherche-titre" className="card flex flex-col gap-3">
        <h2 id="recherche-titre" className="section-title">
          Retrouver une facture
        </h2>
        <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex flex-col">
            <label htmlFor="recherche" className="field-label">
              Numéro de facture ou de dossier
            </label>
            <input id="recherche" name="recherche" defaultValue={recherche ?? ""} className="field-input" />
          </div>
          <button type="submit" className="btn-secondary">
            Rechercher
          </button>
        </form>
        {found ? (
          found.length === 0 ? (
            <p>Aucune facture trouvée.</p>
          ) : (
            <ul className="flex flex-col gap-1">
              {found.map((invoice) => (
                <li key={invoice.id}>
                  <Link href={`/admin/facturation/factures/${invoice.id}`} className="link">
                    {invoice.number}
                  </Link>{" "}
                  · {invoice.family.dossierNumber} · {formatEuros(invoice.amountCents)} · {INVOICE_STATUS_LABELS[invoice.status]}
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>
      <section aria-labelledby="journal-titre" className="card flex flex-col gap-3">
        <h2 id="journal-titre" className="section-title">
          Journal de la régie (CSV pour le Trésor public)
        </h2>
        <form method="get" action="/admin/facturation/journal" className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex flex-col">
            <label htmlFor="journal-regie" className="field-label">
              Régie
            </label>
            <select id="journal-regie" name="regie" className="field-input">
              {regies.map((regie) => (
                <option key={regie.value} value={regie.value}>
                  {regie.label}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor="journal-du" className="field-label">
              Du
            </label>
            <input id="journal-du" name="du" type="date" defaultValue={`${today.slice(0, 4)}-01-01`} className="field-input" />
          </div>
          <div className="flex flex-col">
            <label htmlFor="journal-au" className="field-label">
              Au
            </label>
            <input id="journal-au" name="au" type="date" defaultValue={today} className="field-input" />
          </div>
          <button type="submit" className="btn-secondary">
            Exporter le journal
          </button>
        </form>
      </section>
    </div>
  );
}
