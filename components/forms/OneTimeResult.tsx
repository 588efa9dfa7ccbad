import type { AdminFormState } from "@/lib/platform/actions/admin-form-state";

/** A secret shown once (initial password, Clé Enfance): large, selectable, with what to do with it. */
export function OneTimeResult({ result }: { result: NonNullable<AdminFormState["result"]> }) {
  const title = result.kind === "childKey" ? "Clé Enfance" : "Mot de passe provisoire";
  return (
    <section aria-labelledby="resultat-unique" className="mb-4 rounded-md border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="resultat-unique" className="mb-2 text-lg font-bold text-slate-900">
        {title}
        {result.label ? ` – ${result.label}` : ""}
      </h2>
      <p className="mb-3 select-all break-all font-mono text-2xl font-bold tracking-wider text-slate-900" data-testid="valeur-unique">
        {result.value}
      </p>
      <p className="text-sm text-slate-800">
        {result.kind === "childKey"
          ? "Cette clé ne sera plus jamais affichée : seule son empreinte est conservée. Imprimez la lettre pour la remettre aux parents."
          : "Ce mot de passe ne sera plus jamais affiché. Transmettez-le à la personne par un canal sûr : elle devra le remplacer à sa première connexion."}
      </p>
      {result.kind === "childKey" && result.familyId ? (
        <form method="post" action={`/admin/familles/${result.familyId}/lettre`} className="mt-3">
          <input type="hidden" name="cle" value={result.value} />
          <button type="submit" className="btn-secondary">
            Télécharger la lettre (PDF)
          </button>
        </form>
      ) : null}
    </section>
  );
}
