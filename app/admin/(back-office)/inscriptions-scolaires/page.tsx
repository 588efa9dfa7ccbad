import type { Metadata } from "next";
import Link from "next/link";
import { formatShortDate } from "@/lib/platform/format";
import { headcounts, listSchoolRequests } from "@/lib/school-enrolment";
import { isLevel, LEVEL_LABELS, LEVELS } from "@/lib/school-enrolment/levels";
import { campaignSchoolYear } from "@/lib/school-enrolment/year";
import { ActionForm, FormText } from "@/components/forms/ActionForm";
import { saveCampaignAction } from "@/lib/school-enrolment/actions";
import { frenchDay } from "@/lib/school-enrolment/campaign";
import { currentCampaign } from "@/lib/school-enrolment/campaign-settings";
import { currentStaff, staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Inscriptions scolaires" };

const STATUS: Record<string, string> = { REQUESTED: "À examiner", VALIDATED: "Validée", REFUSED: "Refusée" };
const DEROGATION: Record<string, string> = { NONE: "—", REQUESTED: "Demandée", GRANTED: "Accordée", REFUSED: "Refusée" };

export default async function SchoolRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await staffCaller();
  const raw = await searchParams;
  const one = (key: string) => (Array.isArray(raw[key]) ? raw[key][0] : raw[key]) ?? "";
  const schoolYear = await campaignSchoolYear();
  const filters = { schoolYear, schoolId: one("ecole"), level: one("niveau"), status: one("etat") };
  const [counts, rows, campaign, staff] = await Promise.all([
    headcounts(caller, schoolYear),
    listSchoolRequests(caller, filters),
    currentCampaign(),
    currentStaff(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Inscriptions scolaires {schoolYear}</h1>
      <section aria-labelledby="campagne-titre" className="card flex flex-col gap-3">
        <h2 id="campagne-titre" className="section-title">
          Campagne d&apos;inscription
        </h2>
        <p>
          {campaign
            ? `Les familles peuvent demander une inscription pour ${campaign.schoolYearStart}-${campaign.schoolYearStart + 1} du ${frenchDay(campaign.opensOn)} au ${frenchDay(campaign.closesOn)} inclus ; en dehors de ces dates, leur page indique quand la campagne ouvre.`
            : "Aucune campagne n'est configurée : les familles ne peuvent pas encore demander d'inscription."}
        </p>
        {staff?.role === "ADMINISTRATOR" ? (
          <ActionForm action={saveCampaignAction} submitLabel="Enregistrer la campagne" submitClassName="btn-secondary self-start">
            <div className="grid gap-3 sm:grid-cols-3">
              <FormText
                name="schoolYearStart"
                label="Année scolaire (première année)"
                inputMode="numeric"
                required
                defaultValue={String(campaign?.schoolYearStart ?? "")}
                help="2027 pour l'année 2027-2028"
              />
              <FormText name="opensOn" label="Ouverture" type="date" required defaultValue={campaign?.opensOn ?? ""} />
              <FormText name="closesOn" label="Fermeture" type="date" required defaultValue={campaign?.closesOn ?? ""} />
            </div>
          </ActionForm>
        ) : (
          <p className="text-sm">Seul un administrateur peut changer ces dates.</p>
        )}
      </section>
      <section aria-labelledby="effectifs-titre">
        <h2 id="effectifs-titre" className="section-title mb-3">
          Effectifs par école et niveau
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Inscriptions validées et demandes en cours, comparées à la capacité</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 text-left">
                <th scope="col" className="p-2">
                  École
                </th>
                <th scope="col" className="p-2">
                  Niveau
                </th>
                <th scope="col" className="p-2">
                  Validées
                </th>
                <th scope="col" className="p-2">
                  En cours
                </th>
                <th scope="col" className="p-2">
                  Capacité
                </th>
                <th scope="col" className="p-2">
                  Liste
                </th>
              </tr>
            </thead>
            <tbody>
              {counts.flatMap((school) =>
                school.levels.map((level, index) => {
                  const over = level.validated + level.requested > level.capacity;
                  return (
                    <tr key={`${school.id}-${level.level}`} className="border-b border-slate-200">
                      <th scope="row" className="p-2 text-left font-normal">
                        {index === 0 ? school.name : <span className="sr-only">{school.name}</span>}
                      </th>
                      <td className="p-2">{isLevel(level.level) ? LEVEL_LABELS[level.level] : level.level}</td>
                      <td className="p-2">{level.validated}</td>
                      <td className="p-2">{level.requested}</td>
                      <td className={`p-2 ${over ? "font-bold text-red-800" : ""}`}>
                        {level.capacity}
                        {over ? " (dépassée)" : ""}
                      </td>
                      <td className="p-2">
                        {index === 0 ? (
                          <Link className="link" href={`/admin/inscriptions-scolaires/ecoles/${school.id}`}>
                            Élèves inscrits<span className="sr-only"> à {school.name}</span>
                          </Link>
                        ) : null}
                      </td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="demandes-titre" className="flex flex-col gap-3">
        <h2 id="demandes-titre" className="section-title">
          Demandes
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-semibold">
            École
            <select name="ecole" defaultValue={filters.schoolId} className="field-input">
              <option value="">Toutes</option>
              {counts.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Niveau
            <select name="niveau" defaultValue={filters.level} className="field-input">
              <option value="">Tous</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm font-semibold">
            État
            <select name="etat" defaultValue={filters.status} className="field-input">
              <option value="">Tous</option>
              {Object.entries(STATUS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-secondary">
            Filtrer
          </button>
        </form>
        {rows.length === 0 ? (
          <p>Aucune demande.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Demandes d&apos;inscription scolaire</caption>
              <thead>
                <tr className="border-b-2 border-slate-400 text-left">
                  <th scope="col" className="p-2">
                    Référence
                  </th>
                  <th scope="col" className="p-2">
                    Enfant
                  </th>
                  <th scope="col" className="p-2">
                    Niveau
                  </th>
                  <th scope="col" className="p-2">
                    École
                  </th>
                  <th scope="col" className="p-2">
                    Dérogation
                  </th>
                  <th scope="col" className="p-2">
                    État
                  </th>
                  <th scope="col" className="p-2">
                    Reçue le
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-b border-slate-200">
                    <td className="p-2">
                      <Link className="link" href={`/admin/inscriptions-scolaires/${row.id}`}>
                        {row.reference}
                      </Link>
                    </td>
                    <td className="p-2">
                      {row.child.usageName.toUpperCase()} {row.child.firstName}
                    </td>
                    <td className="p-2">{isLevel(row.level) ? LEVEL_LABELS[row.level] : row.level}</td>
                    <td className="p-2">{row.school.name}</td>
                    <td className="p-2">{DEROGATION[row.derogation]}</td>
                    <td className="p-2">{STATUS[row.status]}</td>
                    <td className="p-2">{formatShortDate(row.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
