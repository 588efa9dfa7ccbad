import type { Metadata } from "next";
import Link from "next/link";
import { searchFamilies } from "@/lib/dossier/service";
import { formatShortDate } from "@/lib/platform/format";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Familles et Clé Enfance" };

const statusLabels = { KNOWN: "Connue, en attente de la Clé Enfance", ACTIVE: "Active", ARCHIVED: "Archivée" } as const;

export default async function FamiliesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = "" } = await searchParams;
  const families = await searchFamilies(await staffCaller(), q);
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">Familles et Clé Enfance</h1>
        <Link href="/admin/familles/nouvelle" className="btn-primary">
          Nouvelle famille connue
        </Link>
      </div>
      <p className="mb-4 text-slate-700">
        Une famille déjà connue des services (crèche municipale, école publique) reçoit une Clé Enfance : saisie à la création de son compte
        ou depuis son espace, elle relie le compte du parent à ce dossier.
      </p>
      <form method="get" role="search" className="card mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="recherche-famille" className="field-label">
            Rechercher (nom, prénom ou numéro de dossier)
          </label>
          <input id="recherche-famille" name="q" defaultValue={q} className="field-input" />
        </div>
        <button type="submit" className="btn-secondary">
          Rechercher
        </button>
      </form>
      {families.length === 0 ? (
        <p role="status">Aucune famille ne correspond.</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Dossiers famille, les plus récents d&apos;abord (50 au plus)</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-3">
                  Dossier
                </th>
                <th scope="col" className="p-3">
                  Représentants
                </th>
                <th scope="col" className="p-3">
                  État
                </th>
                <th scope="col" className="p-3">
                  Clé Enfance
                </th>
                <th scope="col" className="p-3">
                  Créé le
                </th>
              </tr>
            </thead>
            <tbody>
              {families.map((family) => (
                <tr key={family.id} className="border-b border-slate-200">
                  <td className="p-3">
                    <Link href={`/admin/familles/${family.id}`} className="link font-mono font-semibold">
                      {family.dossierNumber}
                    </Link>
                  </td>
                  <td className="p-3">
                    {family.members.map((member) => `${member.firstName} ${member.usageName.toUpperCase()}`).join(", ") || "–"}
                  </td>
                  <td className="p-3">{statusLabels[family.status]}</td>
                  <td className="p-3">
                    {family.childKeys[0] ? `…${family.childKeys[0].hint}${family.childKeys[0].usedAt ? " (utilisée)" : ""}` : "Aucune"}
                  </td>
                  <td className="p-3">{formatShortDate(family.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
