"use client";

import { useActionState, useId } from "react";
import { TextField } from "@/components/forms/Field";
import { submitStaffCode, submitStaffNewPassword, submitStaffPassword, type StaffSignInState } from "@/lib/staff/sign-in-actions";

function Pending({ id, show, label }: { id: string; show: boolean; label: string }) {
  return show ? (
    <p id={id} role="status" className="text-sm text-slate-700">
      {label}
    </p>
  ) : null;
}

/** Step 1: identifier and password (never FranceConnect for staff). */
export function StaffPasswordForm() {
  const [state, action, pending] = useActionState<StaffSignInState, FormData>(submitStaffPassword, { status: "idle" });
  const statusId = useId();
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <TextField
        label="Identifiant"
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.login}
        required
        error={state.field === "login" ? state.message : undefined}
      />
      <TextField
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={state.field === "password" ? state.message : undefined}
      />
      <button type="submit" className="btn-primary self-start" disabled={pending} aria-describedby={pending ? statusId : undefined}>
        Connexion
      </button>
      <Pending id={statusId} show={pending} label="Connexion en cours…" />
    </form>
  );
}

/** Step 2: the initial password is replaced before anything else. */
export function StaffNewPasswordForm({ rule }: { rule: string }) {
  const [state, action, pending] = useActionState<StaffSignInState, FormData>(submitStaffNewPassword, { status: "idle" });
  const statusId = useId();
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <TextField
        label="Nouveau mot de passe"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        help={rule}
        error={state.field === "password" ? state.message : undefined}
      />
      <TextField
        label="Confirmation du mot de passe"
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        error={state.field === "passwordConfirmation" ? state.message : undefined}
      />
      <button type="submit" className="btn-primary self-start" disabled={pending} aria-describedby={pending ? statusId : undefined}>
        Enregistrer et continuer
      </button>
      <Pending id={statusId} show={pending} label="Enregistrement en cours…" />
    </form>
  );
}

/** Step 3: the 6-digit code of the authenticator app (also confirms a new enrolment). */
export function StaffCodeForm({ submitLabel = "Valider" }: { submitLabel?: string }) {
  const [state, action, pending] = useActionState<StaffSignInState, FormData>(submitStaffCode, { status: "idle" });
  const statusId = useId();
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <TextField
        label="Code à 6 chiffres"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9 ]*"
        maxLength={7}
        required
        help="Le code affiché par votre application d'authentification ; il change toutes les 30 secondes."
        error={state.field === "code" ? state.message : undefined}
        className="max-w-40 font-mono text-lg tracking-widest"
      />
      <button type="submit" className="btn-primary self-start" disabled={pending} aria-describedby={pending ? statusId : undefined}>
        {submitLabel}
      </button>
      <Pending id={statusId} show={pending} label="Vérification en cours…" />
    </form>
  );
}
