"use client";

import { useActionState } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { TextField } from "@/components/forms/Field";
import { resetPasswordAction, type SimpleFormState } from "@/lib/account/actions";

export function NewPasswordForm({ token, ruleText }: { token: string; ruleText: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, { status: "idle" } as SimpleFormState);
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <ErrorBanner show={state.status === "error"} focusKey={state} />
      <input type="hidden" name="jeton" value={token} />
      <TextField
        label="Nouveau mot de passe"
        name="password"
        type="password"
        required
        autoComplete="new-password"
        help={ruleText}
        error={state.fieldErrors?.password}
      />
      <TextField
        label="Confirmation du mot de passe"
        name="passwordConfirmation"
        type="password"
        required
        autoComplete="new-password"
        error={state.fieldErrors?.passwordConfirmation}
      />
      <button type="submit" className="btn-primary self-start" disabled={pending}>
        Enregistrer mon nouveau mot de passe
      </button>
    </form>
  );
}
