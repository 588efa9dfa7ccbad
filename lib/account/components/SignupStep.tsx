import { redirect } from "next/navigation";
import { FranceConnectSignIn } from "@/lib/auth/components/FranceConnectSignIn";
import { currentParent } from "@/lib/auth";
import { loadSignupDraft, type SignupDraftData } from "@/lib/account/draft";
import { SIGNUP_STEPS, type SignupStepSlug } from "@/lib/account/schemas";
import { franceConnectOf, lockedIdentity, stepIndex, stepPath } from "@/lib/account/signup-steps";
import { communeName, countryName, listCommunes, listCountries, listDepartements } from "@/lib/platform/referentiel";
import { town } from "@/lib/platform/town";
import { FranceConnectNotice } from "./FranceConnectNotice";
import { WizardFrame } from "./WizardFrame";
import { AddressStep } from "./steps/AddressStep";
import { AuthenticationStep } from "./steps/AuthenticationStep";
import { ContactStep } from "./steps/ContactStep";
import { FranceConnectAuthenticationStep } from "./steps/FranceConnectAuthenticationStep";
import { IdentityStep } from "./steps/IdentityStep";
import { SecurityStep } from "./steps/SecurityStep";
import { WelcomeStep } from "./steps/WelcomeStep";

/** The "AIDE" panel beside each step, with the help text the Carbon-Blanc guide gives for it. */
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
        Attention, il ne s&apos;agit que du compte qui vous permet d&apos;accéder à l&apos;espace famille, la création de la famille se fera
        un peu plus loin.
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

/** The AIDE panel where the wizard started from FranceConnect says otherwise. */
const franceConnectHelp: Partial<Record<SignupStepSlug, React.ReactNode>> = {
  identite: <p>Ces informations viennent de FranceConnect, qui en est garant : elles ne peuvent pas être modifiées ici.</p>,
  contact: (
    <p>
      Le courriel est obligatoire : il sert à recevoir les réponses de nos services. Si vous gardez celui transmis par FranceConnect, aucune
      vérification n&apos;est nécessaire ; une autre adresse sera confirmée par un lien envoyé par courriel.
    </p>
  ),
  authentification: (
    <>
      <p className="mb-2">Vous vous connecterez avec FranceConnect : pas d&apos;identifiant ni de mot de passe à créer.</p>
      <p>La clé enfance est facultative : ne la saisissez que si nos services vous l&apos;ont remise.</p>
    </>
  ),
};

/** A code received from FranceConnect is shown by its name even when the select's list lacks it. */
const withOption = (list: { code: string; name: string }[], code: string | undefined, name: string | undefined) =>
  code && !list.some((option) => option.code === code) ? [...list, { code, name: name ?? code }] : list;

const stringValues = (data: SignupDraftData, step: SignupStepSlug) =>
  Object.fromEntries(Object.entries(data.values[step] ?? {}).filter(([, value]) => typeof value === "string")) as Record<string, string>;

export async function SignupStep({ step }: { step: SignupStepSlug }) {
  if (await currentParent()) redirect("/espace");
  const draft = await loadSignupDraft();
  const data: SignupDraftData = draft?.data ?? { values: {}, completed: [] };
  const missing = SIGNUP_STEPS.slice(0, stepIndex(step)).find((earlier) => !data.completed.includes(earlier.slug));
  if (missing) redirect(stepPath(missing.slug));
  const franceConnect = franceConnectOf(draft);

  let form: React.ReactNode;
  switch (step) {
    case "bienvenue":
      form = (
        <>
          <p className="mb-2 font-semibold">Bonjour et bienvenue</p>
          {franceConnect ? (
            <FranceConnectNotice identity={franceConnect.identity} />
          ) : (
            <FranceConnectSignIn
              intro={
                <>
                  <p className="mb-2">Vous pouvez simplifier la création de votre espace personnel avec FranceConnect.</p>
                  <p className="mb-4 text-sm text-slate-700">
                    FranceConnect est la solution proposée par l&apos;État pour sécuriser et simplifier la connexion à vos services en
                    ligne.
                  </p>
                </>
              }
            />
          )}
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
          countries={withOption(listCountries(), values.birthCountryCode, values.birthCountryCode && countryName(values.birthCountryCode))}
          departements={listDepartements()}
          initialCommunes={withOption(
            values.birthDepartmentCode ? listCommunes(values.birthDepartmentCode) : [],
            values.birthCommuneCode,
            values.birthCommuneCode && communeName(values.birthCommuneCode),
          )}
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
      form = (
        <ContactStep
          defaults={{ email: franceConnect?.email ?? undefined, ...stringValues(data, "contact") }}
          emailHelp={
            franceConnect?.email
              ? "Adresse transmise par FranceConnect. Si vous en indiquez une autre, un lien de confirmation y sera envoyé. Exemple : nom@domaine.fr"
              : undefined
          }
        />
      );
      break;
    case "authentification":
      form = franceConnect ? (
        <FranceConnectAuthenticationStep defaults={stringValues(data, "authentification")} />
      ) : (
        <AuthenticationStep
          defaults={stringValues(data, "authentification")}
          rule={town().passwordRule}
          passwordAlreadySet={Boolean(data.passwordHash)}
        />
      );
      break;
    case "securite":
      form = <SecurityStep franceConnect={Boolean(franceConnect)} />;
      break;
  }
  return (
    <WizardFrame step={step} help={(franceConnect && franceConnectHelp[step]) ?? help[step]}>
      {form}
    </WizardFrame>
  );
}
