"use client";

import Link from "next/link";
import { CheckboxField } from "@/components/forms/Field";
import { submitSignupStep } from "@/lib/account/actions";
import { StepForm } from "../StepForm";
import { useServerForm as useWizardForm } from "@/components/forms/useServerForm";

/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = () => import("@/lib/account/schemas").then((module) => module.welcomeSchema);

export function WelcomeStep({ defaults }: { defaults: { cgu?: boolean } }) {
  const wizard = useWizardForm(schema, submitSignupStep.bind(null, "bienvenue"), { cgu: (defaults.cgu === true) as true });
  return (
    <StepForm wizard={wizard} first>
      <h3 className="text-lg font-bold text-slate-900">Je crée mon espace</h3>
      <CheckboxField
        label="J'accepte les conditions générales d'utilisation"
        {...wizard.field("cgu")}
        required
        help={
          <Link
            href="/mentions-legales#cgu"
            className="link"
            target="_blank"
            title="Lire les conditions générales d'utilisation - nouvelle fenêtre"
          >
            Lire les conditions générales d&apos;utilisation
          </Link>
        }
      />
      <p className="text-sm text-slate-700">
        Les réglages du navigateur de l&apos;Usager peuvent permettre de bloquer les cookies, avec des effets potentiellement négatifs pour
        le fonctionnement du Service :{" "}
        <a
          className="link"
          href="https://www.cnil.fr/fr/cookies-et-autres-traceurs/comment-se-proteger/maitriser-votre-navigateur"
          target="_blank"
          rel="noopener"
          title="Les conseils de la CNIL pour maîtriser votre navigateur - nouvelle fenêtre"
        >
          les conseils de la CNIL pour maîtriser votre navigateur
        </a>
        .
      </p>
      <div className="rounded-md bg-slate-100 p-4 text-sm">
        <h3 className="mb-1 font-bold">Données personnelles</h3>
        <p>
          La collecte de vos données personnelles est nécessaire dans le cadre d&apos;une mission d&apos;intérêt public. Votre consentement
          n&apos;est donc pas nécessaire. Pour en savoir plus sur le traitement de vos données personnelles ainsi que sur vos droits, nous
          vous invitons à consulter nos{" "}
          <Link href="/donnees-personnelles" className="link">
            mentions d&apos;information
          </Link>
          .
        </p>
      </div>
    </StepForm>
  );
}
