import Link from "next/link";

/** ANNULER / PRÉCÉDENT / SUIVANT, the wizard's buttons in the Carbon-Blanc guide. ANNULER asks for confirmation on its own page. */
export function WizardButtons({ first = false, last = false, pending = false }: { first?: boolean; last?: boolean; pending?: boolean }) {
  return (
    <div className="mt-8 flex flex-col-reverse gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-between">
      <Link href="/creer-mon-espace/annuler" className="btn-secondary">
        Annuler
      </Link>
      <div className="flex flex-col-reverse gap-3 sm:flex-row">
        {first ? null : (
          <button type="submit" name="intent" value="previous" formNoValidate className="btn-secondary" disabled={pending}>
            Précédent
          </button>
        )}
        <button type="submit" name="intent" value="next" className="btn-primary" disabled={pending}>
          {last ? "Valider" : "Suivant"}
        </button>
      </div>
    </div>
  );
}
