import Link from "next/link";

/** "ENFANCE – Famille", the duration, the step, and the démarche's two main buttons. */
export function DeclarationHeader({ step, actions }: { step: 1 | 2; actions?: React.ReactNode }) {
  return (
    <header className="mb-6 flex flex-col gap-4 rounded-lg bg-town p-5 text-white sm:flex-row sm:items-center sm:justify-between">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide">Enfance</p>
        <h1 className="text-2xl font-bold">Famille</h1>
        <p className="text-sm">Durée approximative de cette démarche : 5 mn</p>
        <p className="mt-2 font-semibold" aria-current="step">
          {step === 1 ? "1 - Ma demande" : "2 - Récapitulatif et envoi"}
          <span className="sr-only"> (étape {step} sur 2)</span>
        </p>
      </div>
      {actions}
    </header>
  );
}

export function CancelDemarcheLink() {
  return (
    <Link href="/espace/declarer-ma-famille/annuler" className="btn border-2 border-white bg-transparent text-white hover:bg-white/10">
      Annuler la démarche
    </Link>
  );
}
