"use client";

import { useActionState } from "react";
import { TextField } from "@/components/forms/Field";
import { linkChildKeyAction, type ChildKeyState } from "@/lib/dossier/child-key-actions";

export function ChildKeyForm() {
  const [state, action, pending] = useActionState<ChildKeyState, FormData>(linkChildKeyAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <TextField
        label="Clé enfance"
        name="cle"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={state.value}
        help="16 caractères, par exemple ABCD-EFGH-JKMN-PQR5 (O et 0, I et 1 ne se confondent pas)."
        error={state.status === "error" ? state.message : undefined}
        fieldClassName="flex-1"
      />
      <button type="submit" className="btn-primary sm:mb-7" disabled={pending}>
        Valider ma clé
      </button>
    </form>
  );
}
