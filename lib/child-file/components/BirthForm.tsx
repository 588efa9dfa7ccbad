"use client";

import { useActionState } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { SelectField, TextField } from "@/components/forms/Field";
import { idleState, type FormState } from "@/lib/platform/actions/form-state";
import { declareBirthAction } from "../actions";

const SEXES = [
  { value: "FEMININ", label: "Féminin" },
  { value: "MASCULIN", label: "Masculin" },
] as const;

/** « Déclarer la naissance » of an expected child: what was typed stays after an error, each message on its field. */
export function BirthForm({ childId, firstName }: { childId: string; firstName: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(declareBirthAction.bind(null, childId), idleState);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const attempt = state.status === "error" ? state.attempt : 0;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <ErrorBanner show={state.status === "error"} focusKey={attempt} />
      <div key={attempt} className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="firstName"
          label="Prénom"
          required
          autoComplete="off"
          defaultValue={String(values.firstName ?? firstName)}
          error={errors.firstName}
        />
        <TextField
          name="birthDate"
          label="Date de naissance"
          required
          inputMode="numeric"
          placeholder="jj/mm/aaaa"
          help="Format : jj/mm/aaaa"
          defaultValue={String(values.birthDate ?? "")}
          error={errors.birthDate}
        />
        <SelectField name="sex" label="Sexe" required options={SEXES} defaultValue={String(values.sex ?? "")} error={errors.sex} />
      </div>
      <button type="submit" className="btn-primary self-start" disabled={pending}>
        Déclarer la naissance
      </button>
    </form>
  );
}
