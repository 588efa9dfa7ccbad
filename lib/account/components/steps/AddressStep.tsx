"use client";

import { TextField } from "@/components/forms/Field";
import { submitSignupStep } from "@/lib/account/actions";
import type { AddressInput } from "@/lib/account/schemas";
import { StepForm } from "../StepForm";
import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";

/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = () => import("@/lib/account/schemas").then((module) => module.addressSchema);

export function AddressStep({ defaults }: { defaults: Record<string, string | undefined> }) {
  const wizard = useWizardForm(schema, submitSignupStep.bind(null, "adresse"), defaults as Partial<AddressInput>);
  const field = wizard.field;
  return (
    <StepForm wizard={wizard}>
      <TextField
        label="Adresse complète"
        autoComplete="street-address"
        help="Exemple : 1 Avenue André Vignau Anglade"
        {...field("addressLine")}
      />
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField label="Numéro" inputMode="text" {...field("streetNumber")} />
        <TextField label="Bâtiment" {...field("building")} />
        <TextField label="Appartement" {...field("apartment")} />
      </div>
      <TextField label="Complément" autoComplete="address-line2" {...field("addressComplement")} />
      <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
        <TextField label="Code postal" autoComplete="postal-code" inputMode="numeric" maxLength={5} {...field("postalCode")} />
        <TextField label="Ville" autoComplete="address-level2" {...field("city")} />
      </div>
    </StepForm>
  );
}
