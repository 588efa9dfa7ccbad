import { SIGNUP_STEPS, type SignupStepSlug } from "@/lib/account/schemas";

/** "Étape 2 sur 6 : Identité", with every step named; the current one has aria-current="step". */
export function WizardProgress({ current }: { current: SignupStepSlug }) {
  const index = SIGNUP_STEPS.findIndex((step) => step.slug === current);
  return (
    <nav aria-label="Progression de la création du compte" className="mb-6">
      <p className="mb-3 text-sm font-semibold text-slate-700">
        Étape {index + 1} sur {SIGNUP_STEPS.length} : {SIGNUP_STEPS[index]!.title}
      </p>
      <ol className="grid grid-cols-6 gap-1" aria-hidden="false">
        {SIGNUP_STEPS.map((step, position) => (
          <li key={step.slug} aria-current={position === index ? "step" : undefined} className="flex flex-col gap-1">
            <span
              className={`h-2 rounded-full ${position < index ? "bg-town" : position === index ? "bg-accent" : "bg-slate-300"}`}
              aria-hidden="true"
            />
            <span className={`hidden text-xs md:block ${position === index ? "font-bold text-slate-900" : "text-slate-600"}`}>
              <span className="sr-only">{position < index ? "Terminée : " : position === index ? "En cours : " : "À venir : "}</span>
              {step.title}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
