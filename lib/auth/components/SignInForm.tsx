"use client";

import { PlainLink } from "@/components/layout/PlainLink";
import { useActionState, useId } from "react";
import { signInParent, type SignInState } from "@/lib/auth/actions";
import { TextField } from "@/components/forms/Field";

/** Identifiant, Mot de passe, "J'ai oublié mon mot de passe", Connexion. Works before the JavaScript loads. */
export function SignInForm({ returnTo, compact = false }: { returnTo?: string; compact?: boolean }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInParent, { status: "idle" });
  const statusId = useId();
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      {returnTo ? <input type="hidden" name="retour" value={returnTo} /> : null}
      <TextField
        label="Identifiant"
        name="login"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.login}
        required={!compact}
        error={state.field === "login" ? state.message : undefined}
      />
      <TextField
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        required={!compact}
        error={state.field === "password" ? state.message : undefined}
      />
      {state.notActivated ? (
        <p className="text-sm">
          <PlainLink href="/activation/nouveau-lien" className="link">
            Recevoir un nouveau lien d&apos;activation
          </PlainLink>
        </p>
      ) : null}
      <p>
        <PlainLink href="/mot-de-passe-oublie" className="link text-sm">
          J&apos;ai oublié mon mot de passe
        </PlainLink>
      </p>
      <button type="submit" className="btn-primary self-start" disabled={pending} aria-describedby={pending ? statusId : undefined}>
        Connexion
      </button>
      {pending ? (
        <p id={statusId} role="status" className="text-sm text-slate-700">
          Connexion en cours…
        </p>
      ) : null}
    </form>
  );
}
