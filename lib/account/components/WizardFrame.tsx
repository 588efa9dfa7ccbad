import type { SignupStepSlug } from "@/lib/account/schemas";
import { SIGNUP_STEPS } from "@/lib/account/schemas";
import { WizardProgress } from "./WizardProgress";

/** "Création de mon compte personnel": progress, the step's form, and the AIDE panel beside it, as the Carbon-Blanc guide lays out each step. */
export function WizardFrame({ step, help, children }: { step: SignupStepSlug; help: React.ReactNode; children: React.ReactNode }) {
  const title = SIGNUP_STEPS.find((item) => item.slug === step)!.title;
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="page-title mb-4">Création de mon compte personnel</h1>
      <WizardProgress current={step} />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="etape-titre" className="card">
          <h2 id="etape-titre" className="section-title mb-5">
            {title}
          </h2>
          {children}
        </section>
        <aside aria-labelledby="aide-titre" className="h-fit rounded-lg border border-town/30 bg-blue-50 p-5 text-sm text-slate-800">
          <h2 id="aide-titre" className="mb-2 font-bold uppercase tracking-wide text-town">
            Aide
          </h2>
          {help}
        </aside>
      </div>
    </div>
  );
}
