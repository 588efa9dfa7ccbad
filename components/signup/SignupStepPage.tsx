import { redirect } from "next/navigation";
import { FranceConnectButton } from "@/components/auth/FranceConnectButton";
import { OrSeparator } from "@/components/auth/OrSeparator";
import { currentParent } from "@/lib/auth/session";
import { loadSignupDraft, type SignupDraftData } from "@/lib/account/draft";
import { SIGNUP_STEPS, type SignupStepSlug } from "@/lib/account/schemas";
import { lockedIdentity, stepIndex, stepPath } from "@/lib/account/signup-steps";
import { listCommunes, listCountries, listDepartements } from "@/lib/referentiel";
import { town } from "@/lib/town";
import { WizardFrame } from "./WizardFrame";
import { AddressStep } from "./steps/AddressStep";
import { AuthenticationStep } from "./steps/AuthenticationStep";
import { ContactStep } from "./steps/ContactStep";
import { IdentityStep } from "./steps/IdentityStep";
import { SecurityStep } from "./steps/SecurityStep";
import { WelcomeStep } from "./steps/WelcomeStep";

/** The seed's "AIDE" panel, per step. */
const help: Record<SignupStepSlug, React.ReactNode> = {
  bienvenue: (
    <>
      <p className="mb-2">Je peux choisir de me connecter avec le service FranceConnect ou bien de créer mon espace librement.</p>
      <p>Je dois accepter les conditions générales d&apos;utilisation pour poursuivre la création.</p>
    </>
  ),
  identite: (
    <>
      <p className="mb-2">Je crée mon compte personnel.</p>
      <p>
        Attention, il ne s&apos;agit que du compte qui vous permet d&apos;accéder à l&apos;espace famille, la création de la famille se
        fera un peu plus loin.
      </p>
    </>
  ),
  adresse: <p>Votre adresse sera reprise lors de la déclaration de votre famille : vous n&apos;aurez pas à la saisir de nouveau.</p>,
  contact: <p>Le courriel est obligatoire : il sert à activer votre compte, puis à recevoir les réponses de nos services.</p>,
  authentification: (
    <>
      <p className="mb-2">Je choisis mon identifiant et mon mot de passe.</p>
      <p>La clé enfance est facultative : ne la saisissez que si nos services vous l&apos;ont remise.</p>
    </>
  ),
  securite: <p>Ce contrôle vérifie que la demande vient bien d&apos;une personne. Il se fait tout seul en quelques secondes.</p>,
};

const stringValues = (data: SignupDraftData, step: SignupStepSlug) =>
  Object.fromEntries(Object.entries(data.values[step] ?? {}).filter(([, value]) => typeof value === "string")) as Record<string, string>;

export async function SignupStepPage({ step }: { step: SignupStepSlug }) {
  if (await currentParent()) redirect("/espace");
  const draft = await loadSignupDraft();
  const data: SignupDraftData = draft?.data ?? { values: {}, completed: [] };
  const missing = SIGNUP_STEPS.slice(0, stepIndex(step)).find((earlier) => !data.completed.includes(earlier.slug));
  if (missing) redirect(stepPath(missing.slug));

  let form: React.ReactNode;
  switch (step) {
    case "bienvenue":
      form = (
        <>
          <p className="mb-2 font-semibold">Bonjour et bienvenue</p>
          <p className="mb-2">Vous pouvez simplifier la création de votre espace personnel avec FranceConnect.</p>
          <p className="mb-4 text-sm text-slate-700">
            FranceConnect est la solution proposée par l&apos;État pour sécuriser et simplifier la connexion à vos services en ligne.
          </p>
          <FranceConnectButton action="/connexion/franceconnect" />
          <OrSeparator />
          <WelcomeStep defaults={{ cgu: data.values.bienvenue?.cgu === true }} />
        </>
      );
      break;
    case "identite": {
      const locked = lockedIdentity(draft);
      const values = { ...stringValues(data, "identite"), ...(locked ?? {}) } as Record<string, string>;
      form = (
        <IdentityStep
          defaults={values}
          countries={listCountries()}
          departements={listDepartements()}
          initialCommunes={values.birthDepartmentCode ? listCommunes(values.birthDepartmentCode) : []}
          locked={Boolean(locked)}
          photoSaved={Boolean(data.photoKey)}
        />
      );
      break;
    }
    case "adresse":
      form = <AddressStep defaults={stringValues(data, "adresse")} />;
      break;
    case "contact":
      form = <ContactStep defaults={stringValues(data, "contact")} />;
      break;
    case "authentification":
      form = <AuthenticationStep defaults={stringValues(data, "authentification")} rule={town().passwordRule} passwordAlreadySet={Boolean(data.passwordHash)} />;
      break;
    case "securite":
      form = <SecurityStep />;
      break;
  }
  return (
    <WizardFrame step={step} help={help[step]}>
      {form}
    </WizardFrame>
  );
}
