"use client";

import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";
import { submitSignupStep } from "@/lib/account/actions";
import { ChildKeyFieldset } from "../ChildKeyFieldset";
import { StepForm } from "../StepForm";

/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = () => import("@/lib/account/schemas").then((module) => module.franceConnectAuthenticationSchema);

/** Step 5 when the parent came through FranceConnect: no identifier, no password, only the optional Clé Enfance. */
export function FranceConnectAuthenticationStep({ defaults }: { defaults: { childKey?: string } }) {
  const wizard = useWizardForm(schema, submitSignupStep.bind(null, "authentification"), { childKey: defaults.childKey ?? "" });
  return (
    <StepForm wizard={wizard}>
      <div className="rounded-md bg-blue-50 p-4">
        <p className="font-semibold">Vous vous connecterez avec FranceConnect.</p>
        <p className="text-sm">Vous n&apos;avez ni identifiant ni mot de passe à créer pour l&apos;Espace Famille.</p>
      </div>
      <ChildKeyFieldset field={wizard.field("childKey")} />
    </StepForm>
  );
}
