import type { Metadata } from "next";
import { ActionForm, FormSelect, FormText } from "@/components/forms/ActionForm";
import { quotientDecisionAction } from "@/lib/billing/admin-actions";
import { listAttestationsToReview } from "@/lib/billing/quotient";
import { shortDay } from "@/lib/billing/labels";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Attestations de quotient familial" };

export default async function QuotientReviewPage() {
  const rows = await listAttestationsToReview(await staffCaller());
  const year = new Date().getUTCFullYear();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Attestations de quotient familial à vérifier</h1>
      {rows.length === 0 ? <p>Aucune attestation en attente.</p> : null}
      {rows.map((row) => {
        const holder = row.family.members[0];
        return (
          <section key={row.id} aria-labelledby={`qf-${row.id}`} className="card flex flex-col gap-3">
            <h2 id={`qf-${row.id}`} className="section-title">
              {row.family.dossierNumber} · {holder ? `${holder.firstName} ${holder.usageName.toUpperCase()}` : "famille"} · envoyée le{" "}
              {shortDay(row.createdAt)}
            </h2>
            <p>
              <a className="link" href={`/admin/facturation/quotients/${row.id}/attestation`} target="_blank" rel="noopener">
                Ouvrir l&apos;attestation (nouvel onglet)
              </a>
            </p>
            <ActionForm action={quotientDecisionAction} submitLabel="Enregistrer la décision">
              <input type="hidden" name="quotient" value={row.id} />
              <FormSelect
                name="decision"
                label="Décision"
                options={[
                  { value: "validate", label: "Valider le quotient lu sur l'attestation" },
                  { value: "reject", label: "Refuser l'attestation" },
                ]}
              />
              <FormText name="value" label="Quotient familial (en euros)" inputMode="numeric" />
              <FormText name="validFrom" label="Valable du (aaaa-mm-jj)" defaultValue={`${year}-01-01`} />
              <FormText name="validUntil" label="Valable jusqu'au (aaaa-mm-jj)" defaultValue={`${year}-12-31`} />
              <FormText name="reason" label="Motif du refus (si refusée)" />
            </ActionForm>
          </section>
        );
      })}
    </div>
  );
}
