"use client";

import type { AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { ActionForm, FormSelect, FormText } from "@/components/forms/ActionForm";

type Action = (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;

export const roleOptions = [
  { value: "AGENT", label: "Agent" },
  { value: "ADMINISTRATOR", label: "Administrateur" },
] as const;

export function NewStaffForm({ action }: { action: Action }) {
  return (
    <ActionForm action={action} submitLabel="Créer le compte" className="grid gap-4 md:grid-cols-2">
      <FormText name="displayName" label="Nom affiché" required help="Exemple : Agnès AGENT" />
      <FormText name="login" label="Identifiant" required autoCapitalize="none" spellCheck={false} help="Exemple : agnes.agent" />
      <FormText name="email" label="Courriel" type="email" required autoComplete="off" />
      <FormSelect name="role" label="Rôle" options={roleOptions} defaultValue="AGENT" required />
    </ActionForm>
  );
}

export function RoleForm({ action, role }: { action: Action; role: string }) {
  return (
    <ActionForm action={action} submitLabel="Changer le rôle" submitClassName="btn-secondary self-start">
      <FormSelect name="role" label="Rôle" options={roleOptions} defaultValue={role} />
    </ActionForm>
  );
}

export function MyPasswordForm({ action, rule }: { action: Action; rule: string }) {
  return (
    <ActionForm action={action} submitLabel="Changer mon mot de passe">
      <FormText name="currentPassword" label="Mot de passe actuel" type="password" autoComplete="current-password" required />
      <FormText name="password" label="Nouveau mot de passe" type="password" autoComplete="new-password" required help={rule} />
      <FormText name="passwordConfirmation" label="Confirmation du mot de passe" type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}
