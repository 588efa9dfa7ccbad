"use client";

import { SelectField, TextField } from "@/components/forms/Field";
import { submitSignupStep } from "@/lib/account/actions";
import type { ContactInput } from "@/lib/account/schemas";
import { contactMeansOptions } from "@/lib/account/wizard-fields";
import { StepForm } from "../StepForm";
import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";

/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = () => import("@/lib/account/schemas").then((module) => module.contactSchema);

export function ContactStep({ defaults, emailHelp }: { defaults: Record<string, string | undefined>; emailHelp?: string }) {
  const wizard = useWizardForm(schema, submitSignupStep.bind(null, "contact"), {
    ...defaults,
    preferredContact: defaults.preferredContact || "EMAIL",
  } as Partial<ContactInput>);
  const field = wizard.field;
  return (
    <StepForm wizard={wizard}>
      <TextField label="Téléphone" type="tel" autoComplete="tel" help="Exemple : 05 56 12 34 56" {...field("phone")} />
      <TextField label="Mobile" type="tel" autoComplete="tel" help="Exemple : 06 12 34 56 78" {...field("mobile")} />
      <TextField
        label="Courriel"
        type="email"
        autoComplete="email"
        required
        help={emailHelp ?? "Le lien d'activation de votre compte sera envoyé à cette adresse. Exemple : nom@domaine.fr"}
        {...field("email")}
      />
      <SelectField
        label="Moyen de contact préféré"
        options={contactMeansOptions}
        placeholder="Choisir un moyen de contact"
        {...field("preferredContact")}
      />
    </StepForm>
  );
}
