import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FormCheckbox, FormText } from "@/components/forms/ActionForm";
import { Notice } from "@/components/layout/StatusBadge";
import { correctLineAction, publishRunAction } from "@/lib/billing/admin-actions";
import { monthLabel } from "@/lib/billing/config";
import { shortDay, weekdayDay } from "@/lib/billing/labels";
import { formatEuros } from "@/lib/billing/money";
import { getRunForReview } from "@/lib/billing/runs";
import { STATE_LABELS } from "@/lib/billing/types";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Campagne de facturation" };

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ calculee?: string; publiee?: string }>;
}) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const run = await getRunForReview(await staffCaller(), id);
  if (!run) notFound();
  const search = await searchParams;
  const draft = run.status === "DRAFT";
  const total = run.invoices.reduce((sum, invoice) => sum + invoice.amountCents, 0);
  const warnings = run.invoices.flatMap((invoice) => invoice.lines.filter((line) => line.warning && !line.excluded)).length;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/facturation" className="link">
          Retour à la facturation
        </Link>
      </p>
      <h1 className="page-title">
        {monthLabel(run.month)} · régie {run.regie} · {draft ? "brouillon" : "publiée"}
      </h1>
      {search.calculee ? <Notice>Brouillon calculé : {search.calculee} facture(s).</Notice> : null}
      {search.publiee ? (
        <Notice>Campagne publiée : {search.publiee} facture(s) numérotée(s), les familles sont prévenues par courriel.</Notice>
      ) : null}
      <p>
        {run.invoices.length} facture(s), {formatEuros(total)} au total, échéance le {shortDay(run.dueDate)}.{" "}
        {draft ? `${warnings} ligne(s) à vérifier.` : ""}
      </p>
      {run.invoices.map((invoice) => {
        const holder = invoice.family.members[0];
        return (
          <section key={invoice.id} aria-labelledby={`facture-${invoice.id}`} className="card flex flex-col gap-3">
            <h2 id={`facture-${invoice.id}`} className="section-title">
              {invoice.number ?? "Brouillon"} · {invoice.family.dossierNumber} ·{" "}
              {holder ? `${holder.firstName} ${holder.usageName.toUpperCase()}` : ""} · {formatEuros(invoice.amountCents)}
            </h2>
            <p className="text-sm">
              Quotient familial : {invoice.quotientValue === null ? "non connu" : `${invoice.quotientValue} €`} · {invoice.quotientBracket}
              {invoice.number ? (
                <>
                  {" · "}
                  <Link className="link" href={`/admin/facturation/factures/${invoice.id}`}>
                    Ouvrir la facture
                  </Link>
                </>
              ) : null}
            </p>
            <ul className="flex flex-col divide-y divide-slate-200">
              {invoice.lines.map((line) => (
                <li key={line.id} className={`flex flex-col gap-1 py-2 ${line.excluded ? "text-slate-500 line-through" : ""}`}>
                  <p>
                    {line.childName} · {weekdayDay(line.date)} · {line.label} · {STATE_LABELS[line.state]} ·{" "}
                    <strong>{formatEuros(line.amountCents)}</strong>
                  </p>
                  <p className="text-sm text-slate-700">
                    {line.pricing}
                    {line.correction ? ` · corrigé : ${line.correction}` : ""}
                  </p>
                  {line.warning && !line.excluded ? (
                    <p className="text-sm font-semibold text-red-800">
                      <span aria-hidden="true">⚠ </span>À vérifier : {line.warning}
                    </p>
                  ) : null}
                  {draft && !line.excluded ? (
                    <details>
                      <summary className="cursor-pointer text-sm font-semibold text-town underline">
                        Corriger cette ligne
                        <span className="sr-only">
                          {" "}
                          ({line.childName}, {weekdayDay(line.date)})
                        </span>
                      </summary>
                      <ActionForm action={correctLineAction} submitLabel="Enregistrer la correction" className="mt-2 flex flex-col gap-3">
                        <input type="hidden" name="line" value={line.id} />
                        <input type="hidden" name="run" value={run.id} />
                        <FormText
                          name="amount"
                          label="Nouveau montant (en euros)"
                          defaultValue={(line.amountCents / 100).toFixed(2).replace(".", ",")}
                          inputMode="decimal"
                        />
                        <FormCheckbox name="exclude" label="Retirer cette ligne de la facture" />
                        <FormText name="reason" label="Motif" required />
                      </ActionForm>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {draft && run.invoices.length > 0 ? (
        <section aria-labelledby="publier-titre" className="card">
          <h2 id="publier-titre" className="section-title mb-3">
            Publier la campagne
          </h2>
          <p className="mb-3">
            Les factures reçoivent leur numéro et ne peuvent plus être modifiées (une erreur se corrige ensuite par un avoir). Les familles
            sont prévenues par courriel.
          </p>
          <ActionForm
            action={publishRunAction}
            submitLabel="Publier les factures"
            confirm="J'ai vérifié les lignes signalées et je publie ces factures."
          >
            <input type="hidden" name="run" value={run.id} />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
