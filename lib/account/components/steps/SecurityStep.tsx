"use client";

import { ProofOfWork } from "@/components/forms/ProofOfWork";
import { submitSignupStep } from "@/lib/account/actions";
import { StepForm } from "../StepForm";
import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";

// Nothing for the parent to type: the component fills the hidden "pow" input, the server verifies it.
const clientSchema = () => import("@/lib/account/schemas").then((module) => module.securitySchema);

/** Step 6: the proof-of-work check replaces the Carbon-Blanc guide's "CLIQUEZ SUR L'IMPRIMANTE" picture puzzle, which a blind user cannot solve. */
export function SecurityStep({ franceConnect = false }: { franceConnect?: boolean }) {
  const wizard = useWizardForm(clientSchema, submitSignupStep.bind(null, "securite"), {});
  return (
    <StepForm wizard={wizard} last>
      <p>
        {franceConnect
          ? "Dernière étape : en validant, vous créez votre compte personnel et vous accédez directement à votre espace."
          : "Dernière étape : en validant, vous demandez la création de votre compte personnel. Un courriel vous sera envoyé pour l'activer."}
      </p>
      <ProofOfWork name="pow" error={wizard.errorOf("pow")} />
    </StepForm>
  );
}
