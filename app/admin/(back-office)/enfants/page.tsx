import type { Metadata } from "next";
import Link from "next/link";
import { listFilterOf } from "@/lib/child-file/list-filter";
import { frenchDay } from "@/lib/child-file/rules";
import { healthList } from "@/lib/child-file/staff";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { staffCaller } from "@/lib/staff/session";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "PAI et allergies" };

export default async function HealthListPage({ searchParams }: { searchParams: Promise<{ ageMin?: string; ageMax?: string }> }) {
  const caller = await staffCaller();
  const search = await searchParams;
  const filter = listFilterOf(search);
  const rows = await healthList(caller, filter).catch((error: unknown) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!rows) {
    return (
      <>
        <h1 className="page-title mb-4">PAI et allergies</h1>
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          L&apos;accès aux données de santé des enfants est réservé aux agents habilités. Demandez cette habilitation à un administrateur.
        </p>
      </>
    );
  }
  const diets = town().childFile.diets;
  const query = new URLSearchParams(Object.entries({ ageMin: filter.minAge?.toString(), ageMax: filter.maxAge?.toString() }).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return (
    <>
      <h1 className="page-title mb-2">PAI et allergies</h1>
      <p className="mb-4 text-sm text-slate-700">Enfants dont la fiche indique un PAI ou une allergie. Chaque consultation est inscrite au journal d&apos;audit.</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        <div>
          <label htmlFor="age-min" className="field-label">
            Âge minimum
          </label>
          <input id="age-min" name="ageMin" inputMode="numeric" defaultValue={filter.minAge ?? ""} className="field-input w-24" />
        </div>
        <div>
          <label htmlFor="age-max" className="field-label">
            Âge maximum
          </label>
          <input id="age-max" name="ageMax" inputMode="numeric" defaultValue={filter.maxAge ?? ""} className="field-input w-24" />
        </div>
        <button type="submit" className="btn-secondary">
          Filtrer
        </button>
        <a href={`/admin/enfants/export${query.size ? `?${query}` : ""}`} className="btn-secondary">
          Télécharger (CSV)
        </a>
      </form>
      <p className="mb-3 font-semibold" role="status">
        {rows.length} enfant{rows.length > 1 ? "s" : ""}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Enfants avec un PAI ou une allergie</caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="p-2">Enfant</th>
              <th scope="col" className="p-2">PAI</th>
              <th scope="col" className="p-2">Allergies : réaction et conduite à tenir</th>
              <th scope="col" className="p-2">Régime</th>
              <th scope="col" className="p-2">Traitement</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.childId} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  <Link href={`/admin/enfants/${row.childId}`} className="link">
                    {row.name}
                  </Link>
                  <span className="block font-normal text-slate-700">
                    {row.age !== null ? `${row.age} ans · ` : ""}
                    {row.dossierNumber}
                  </span>
                  {row.toCheck ? <span className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">À vérifier</span> : null}
                </th>
                <td className="p-2">{row.pai ? `Oui${row.paiEndDate ? `, jusqu'au ${frenchDay(row.paiEndDate)}` : ""}` : "Non"}</td>
                <td className="p-2">
                  <ul>
                    {row.allergies.map((allergy) => (
                      <li key={allergy.name}>
                        <strong>{allergy.name}</strong>
                        {allergy.reaction ? ` : ${allergy.reaction}` : ""}
                        {allergy.action ? ` — ${allergy.action}` : ""}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="p-2">{row.diet ? (diets.find((diet) => diet.code === row.diet)?.label ?? row.diet) : ""}</td>
                <td className="p-2">{row.treatment ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
