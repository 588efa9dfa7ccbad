import type { Metadata } from "next";
import Link from "next/link";
import { dayFilterOf, listFilterOf } from "@/lib/child-file/list-filter";
import { activitiesForStaff, childrenExpected } from "@/lib/reservations/staff";
import { frenchDay } from "@/lib/child-file/rules";
import { healthList } from "@/lib/child-file/staff";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { staffCaller } from "@/lib/staff/session";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "PAI et allergies" };

export default async function HealthListPage({
  searchParams,
}: {
  searchParams: Promise<{ ageMin?: string; ageMax?: string; activite?: string; jour?: string }>;
}) {
  const caller = await staffCaller();
  const search = await searchParams;
  const dayFilter = dayFilterOf(search);
  const [expected, activities] = await Promise.all([
    dayFilter ? childrenExpected(caller, dayFilter.activityCode, dayFilter.day) : null,
    activitiesForStaff(caller),
  ]);
  const filter = { ...listFilterOf(search), ...(expected ? { childIds: expected } : {}) };
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
  const activityName = expected && dayFilter ? activities.find((activity) => activity.code === dayFilter.activityCode)?.name : undefined;
  const query = new URLSearchParams(
    Object.entries({
      ageMin: filter.minAge?.toString(),
      ageMax: filter.maxAge?.toString(),
      activite: expected ? dayFilter?.activityCode : undefined,
      jour: expected ? dayFilter?.day : undefined,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  return (
    <>
      <h1 className="page-title mb-2">PAI et allergies</h1>
      <p className="mb-4 text-sm text-slate-700">
        Enfants dont la fiche indique un PAI ou une allergie. Chaque consultation est inscrite au journal d&apos;audit.
      </p>
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
        <div>
          <label htmlFor="activite" className="field-label">
            Activité
          </label>
          <select id="activite" name="activite" defaultValue={dayFilter?.activityCode ?? ""} className="field-input">
            <option value="">Toutes (tous les enfants)</option>
            {activities.map((activity) => (
              <option key={activity.code} value={activity.code}>
                {activity.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="jour" className="field-label">
            Jour (enfants attendus)
          </label>
          <input id="jour" name="jour" type="date" defaultValue={dayFilter?.day ?? ""} className="field-input" />
        </div>
        <button type="submit" className="btn-secondary">
          Filtrer
        </button>
        <a href={`/admin/enfants/export${query.size ? `?${query}` : ""}`} className="btn-secondary">
          Télécharger (CSV)
        </a>
      </form>
      {dayFilter && !expected ? (
        <p role="alert" className="mb-3 rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">
          Activité ou jour introuvable : la liste montre tous les enfants.
        </p>
      ) : null}
      <p className="mb-3 font-semibold" role="status">
        {rows.length} enfant{rows.length > 1 ? "s" : ""}
        {activityName && dayFilter ? ` attendu${rows.length > 1 ? "s" : ""} à ${activityName} le ${frenchDay(dayFilter.day)}` : ""}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Enfants avec un PAI ou une allergie</caption>
          <thead>
            <tr className="border-b-2 border-slate-400">
              <th scope="col" className="p-2">
                Enfant
              </th>
              <th scope="col" className="p-2">
                PAI
              </th>
              <th scope="col" className="p-2">
                Allergies : réaction et conduite à tenir
              </th>
              <th scope="col" className="p-2">
                Régime
              </th>
              <th scope="col" className="p-2">
                Traitement
              </th>
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
                  {row.toCheck ? (
                    <span className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">À vérifier</span>
                  ) : null}
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
