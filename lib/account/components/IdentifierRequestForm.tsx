"use client";

import { useActionState } from "react";
import { TextField } from "@/components/forms/Field";
import type { SimpleFormState } from "@/lib/account/actions";

/** One field, "Identifiant ou courriel", posted to an action that answers the same whether an account exists or not. */
export function IdentifierRequestForm({
  action,
  submitLabel,
}: {
  action: (state: SimpleFormState, formData: FormData) => Promise<SimpleFormState>;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as SimpleFormState);
  if (state.status === "done") {
    return (
      <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        label="Identifiant ou courriel"
        name="identifier"
        required
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        error={state.fieldErrors?.identifier}
      />
      <button type="submit" className="btn-primary self-start" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
