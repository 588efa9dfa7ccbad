"use client";

import type { AdminFormState } from "@/lib/platform/actions/admin-form-state";
import type { TownConfig } from "@/lib/platform/town/types";
import { ActionForm, FormCheckbox, FormText, FormTextarea } from "@/components/forms/ActionForm";

type Action = (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;

export function TownContactForm({ action, contact }: { action: Action; contact: TownConfig["contact"] }) {
  return (
    <ActionForm action={action} submitLabel="Enregistrer les coordonnées">
      <FormText name="service" label="Service" required defaultValue={contact.service} />
      <FormTextarea
        name="address"
        label="Adresse"
        required
        rows={3}
        defaultValue={contact.address.join("\n")}
        help="Une ligne par ligne d'adresse."
      />
      <FormText name="phone" label="Téléphone" required defaultValue={contact.phone} autoComplete="off" />
      <FormText name="email" label="Courriel" type="email" required defaultValue={contact.email} autoComplete="off" />
      <FormTextarea
        name="hours"
        label="Horaires d'accueil"
        required
        rows={3}
        defaultValue={contact.hours.join("\n")}
        help="Une ligne par plage horaire."
      />
    </ActionForm>
  );
}

export function LegalTextsForm({
  action,
  values,
}: {
  action: Action;
  values: { mentionsLegales: string; cgu: string; cguVersion: string };
}) {
  const help = "« ## Titre » commence une section ; une ligne vide sépare deux paragraphes. Texte simple, sans mise en forme.";
  return (
    <ActionForm action={action} submitLabel="Enregistrer les textes légaux">
      <FormTextarea name="mentionsLegales" label="Mentions légales" required rows={12} defaultValue={values.mentionsLegales} help={help} />
      <FormTextarea name="cgu" label="Conditions générales d'utilisation" required rows={16} defaultValue={values.cgu} help={help} />
      <FormText
        name="cguVersion"
        label="Version des CGU"
        required
        defaultValue={values.cguVersion}
        help="Changez-la quand le sens des CGU change (exemple : 2026-12)."
        className="max-w-48"
      />
    </ActionForm>
  );
}

export function TotpPolicyForm({ action, agentsNeedTotp }: { action: Action; agentsNeedTotp: boolean }) {
  return (
    <ActionForm action={action} submitLabel="Enregistrer">
      <FormCheckbox
        name="agentsNeedTotp"
        label="Exiger la double authentification des agents"
        defaultChecked={agentsNeedTotp}
        help="Exigée par défaut : les agents consultent les dossiers des familles. Les administrateurs l'ont toujours. Un agent qui ne l'a pas activée devra le faire à sa prochaine connexion."
      />
    </ActionForm>
  );
}
