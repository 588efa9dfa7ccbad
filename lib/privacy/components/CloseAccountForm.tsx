"use client";

import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { closeAccountAction } from "@/lib/privacy/actions";
import { closureSchema } from "@/lib/privacy/schemas";

/**
 * "Fermer mon compte": the password confirms it (someone at a computer left signed in cannot close the
 * account); an account without a password (FranceConnect only) types the word FERMER instead.
 */
export function CloseAccountForm({ method }: { method: "password" | "word" }) {
  const { field, onSubmit, onFocus, formAction, pending, showBanner, bannerKey } = useServerForm(
    closureSchema(method),
    closeAccountAction,
    { confirmation: "" },
  );
  return (
    <form action={formAction} onSubmit={onSubmit} onFocus={onFocus} noValidate className="flex flex-col gap-4">
      <ErrorBanner show={showBanner} focusKey={bannerKey} />
      {method === "password" ? (
        <TextField
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
          required
          help="Saisissez votre mot de passe pour confirmer la fermeture de votre compte."
          fieldClassName="max-w-md"
          {...field("confirmation")}
        />
      ) : (
        <TextField
          label="Confirmation"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          help="Votre compte n'a pas de mot de passe (connexion avec FranceConnect) : saisissez le mot FERMER pour confirmer."
          fieldClassName="max-w-md"
          {...field("confirmation")}
        />
      )}
      <button type="submit" className="btn-danger self-start" disabled={pending}>
        Fermer définitivement mon compte
      </button>
    </form>
  );
}
