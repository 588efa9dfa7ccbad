import type { Metadata } from "next";
import Link from "next/link";
import { formatShortDate } from "@/lib/platform/format";
import { listQueue } from "@/lib/review/queue";
import { queueFiltersSchema, SORTS, STATUS_LABELS, type QueueFilters } from "@/lib/review/schemas";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Déclarations de famille" };

/** The address of the queue with these filters (the cursor dropped unless given). */
function queueHref(filters: QueueFilters, change: Partial<Record<keyof QueueFilters, string | undefined>>): string {
  const merged: Record<string, string | undefined> = { ...filters, apres: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  return `/admin/declarations?${params.toString()}`;
}

export default async function DeclarationQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await staffCaller();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filters = queueFiltersSchema.parse(raw);
  const { rows, nextCursor, counts } = await listQueue(caller, filters);
  const current = counts.find((tab) => tab.slug === filters.statut)!;
  const filtered = Boolean(filters.q || filters.du || filters.au || filters.mes);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">Déclarations de famille</h1>
        <a href="/admin/familles/export" className="btn-secondary" download>
          Exporter les familles validées (CSV)
        </a>
      </div>
      <nav aria-label="États des déclarations" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {counts.map((tab) => {
            const active = tab.slug === filters.statut;
            return (
              <li key={tab.slug}>
                <Link
                  href={queueHref(filters, { statut: tab.slug })}
                  aria-current={active ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center gap-2 rounded-md border-2 px-3 py-2 text-sm font-semibold ${active ? "border-town bg-town text-white" : "border-slate-300 bg-white text-town hover:bg-slate-100"}`}
                >
                  {tab.label}
                  <span className={`rounded-full px-2 text-xs ${active ? "bg-white text-town" : "bg-slate-200 text-slate-900"}`}>
                    {tab.count}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form
        method="get"
        role="search"
        aria-label="Rechercher dans les déclarations"
        className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-6"
      >
        <input type="hidden" name="statut" value={filters.statut} />
        <div className="sm:col-span-2">
          <label htmlFor="recherche" className="field-label">
            Nom, courriel, référence ou numéro de dossier
          </label>
          <input id="recherche" name="q" type="search" defaultValue={filters.q} className="field-input" />
        </div>
        <div>
          <label htmlFor="filtre-du" className="field-label">
            Envoyée du
          </label>
          <input id="filtre-du" name="du" type="date" defaultValue={filters.du} className="field-input" />
        </div>
        <div>
          <label htmlFor="filtre-au" className="field-label">
            au
          </label>
          <input id="filtre-au" name="au" type="date" defaultValue={filters.au} className="field-input" />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="tri" className="field-label">
            Trier par
          </label>
          <select id="tri" name="tri" defaultValue={filters.tri} className="field-input">
            {SORTS.map((sort) => (
              <option key={sort.value} value={sort.value}>
                {sort.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 sm:col-span-2">
          <input id="mes" name="mes" type="checkbox" value="1" defaultChecked={filters.mes === "1"} className="h-5 w-5" />
          <label htmlFor="mes">Seulement celles qui me sont attribuées</label>
        </div>
        <div className="flex flex-wrap items-end gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-primary">
            Rechercher
          </button>
          {filtered ? (
            <Link href={queueHref({ statut: filters.statut, tri: filters.tri } as QueueFilters, {})} className="btn-secondary">
              Effacer les filtres
            </Link>
          ) : null}
        </div>
      </form>
      {rows.length === 0 ? (
        <p role="status" className="card">
          {filtered
            ? `Aucune déclaration « ${current.label.toLowerCase()} » ne correspond à ces critères.`
            : `Aucune déclaration « ${current.label.toLowerCase()} ».`}
        </p>
      ) : (
        <div
          className="card overflow-x-auto p-0"
          tabIndex={0}
          role="region"
          aria-label="Liste des déclarations (défilement horizontal possible)"
        >
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              Déclarations « {current.label} », {SORTS.find((sort) => sort.value === filters.tri)!.label.toLowerCase()}
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-3">
                  Référence
                </th>
                <th scope="col" className="p-3">
                  Titulaire
                </th>
                <th scope="col" className="p-3">
                  Envoyée le
                </th>
                <th scope="col" className="p-3">
                  Enfants
                </th>
                <th scope="col" className="p-3">
                  Pièces
                </th>
                <th scope="col" className="p-3">
                  État
                </th>
                <th scope="col" className="p-3">
                  Agent
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-200">
                  <td className="p-3">
                    <Link href={`/admin/declarations/${row.id}`} className="link font-mono font-semibold">
                      {row.reference}
                    </Link>
                    {row.dossierNumber ? <span className="block font-mono text-xs text-slate-700">{row.dossierNumber}</span> : null}
                  </td>
                  <td className="p-3">
                    {row.holder}
                    <span className="block text-xs text-slate-700">{row.email}</span>
                  </td>
                  <td className="p-3">{row.submittedAt ? formatShortDate(row.submittedAt) : "–"}</td>
                  <td className="p-3">{row.children}</td>
                  <td className="p-3">{row.documents}</td>
                  <td className="p-3">{STATUS_LABELS[row.status]}</td>
                  <td className="p-3">{row.assignedTo?.displayName ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {filters.apres || nextCursor ? (
        <nav aria-label="Pages de résultats" className="mt-4 flex flex-wrap gap-3">
          {filters.apres ? (
            <Link href={queueHref(filters, {})} className="btn-secondary">
              Revenir au début
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={queueHref(filters, { apres: nextCursor })} className="btn-secondary">
              Page suivante
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
