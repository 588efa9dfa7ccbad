import type { Metadata } from "next";
import Link from "next/link";
import { auditFiltersSchema, listAuditEntries } from "@/lib/journal/queries";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Journal d'audit" };

const timeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await staffCaller("ADMINISTRATOR");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const filters = auditFiltersSchema.parse(raw);
  const { entries, nextCursor } = await listAuditEntries(caller, filters);
  const { avant, ...kept } = filters;
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ...(Object.fromEntries(Object.entries(kept).filter(([, value]) => value)) as Record<string, string>),
      ...extra,
    }).toString();
  return (
    <>
      <h1 className="page-title mb-2">Journal d&apos;audit</h1>
      <p className="mb-6 text-slate-700">
        Chaque accès d&apos;un agent à un dossier et chaque modification y sont inscrits : qui, quoi, quand, depuis quelle adresse. Le
        journal se lit seulement : personne ne peut le modifier ni l&apos;effacer depuis le portail.
      </p>
      <form method="get" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filtrer le journal">
        <div>
          <label htmlFor="filtre-acteur" className="field-label">
            Acteur (identifiant)
          </label>
          <input id="filtre-acteur" name="acteur" defaultValue={filters.acteur} className="field-input" />
        </div>
        <div>
          <label htmlFor="filtre-action" className="field-label">
            Action (début)
          </label>
          <input id="filtre-action" name="action" defaultValue={filters.action} className="field-input" placeholder="child_key." />
        </div>
        <div>
          <label htmlFor="filtre-cible" className="field-label">
            Cible (type ou identifiant)
          </label>
          <input id="filtre-cible" name="cible" defaultValue={filters.cible} className="field-input" />
        </div>
        <div>
          <label htmlFor="filtre-du" className="field-label">
            Du
          </label>
          <input id="filtre-du" name="du" type="date" defaultValue={filters.du} className="field-input" />
        </div>
        <div>
          <label htmlFor="filtre-au" className="field-label">
            Au
          </label>
          <input id="filtre-au" name="au" type="date" defaultValue={filters.au} className="field-input" />
        </div>
        <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-5">
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
          <Link href="/admin/journal" className="btn-secondary">
            Effacer les filtres
          </Link>
        </div>
      </form>
      {entries.length === 0 ? (
        <p role="status">Aucune entrée ne correspond à ces filtres.</p>
      ) : (
        <div
          className="card overflow-x-auto p-0"
          tabIndex={0}
          role="region"
          aria-label="Entrées du journal (défilement horizontal possible)"
        >
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Entrées du journal d&apos;audit, les plus récentes d&apos;abord</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-2">
                  Date
                </th>
                <th scope="col" className="p-2">
                  Acteur
                </th>
                <th scope="col" className="p-2">
                  Action
                </th>
                <th scope="col" className="p-2">
                  Cible
                </th>
                <th scope="col" className="p-2">
                  Adresse
                </th>
                <th scope="col" className="p-2">
                  Détails
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-slate-200 align-top">
                  <td className="whitespace-nowrap p-2">{timeFormat.format(entry.at)}</td>
                  <td className="p-2">{entry.actor}</td>
                  <td className="p-2 font-mono">{entry.action}</td>
                  <td className="break-all p-2 font-mono text-xs">{entry.target}</td>
                  <td className="p-2 font-mono text-xs">{entry.ipAddress}</td>
                  <td className="max-w-xs break-all p-2 font-mono text-xs">{entry.details}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pages du journal" className="mt-4 flex flex-wrap gap-3">
        {avant ? (
          <Link href={`/admin/journal?${query({})}`} className="btn-secondary">
            Revenir aux plus récentes
          </Link>
        ) : null}
        {nextCursor ? (
          <Link href={`/admin/journal?${query({ avant: nextCursor })}`} className="btn-secondary">
            Entrées plus anciennes
          </Link>
        ) : null}
      </nav>
    </>
  );
}
