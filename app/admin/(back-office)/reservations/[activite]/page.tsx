import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Notice } from "@/lib/reservations/components/Notice";
import { isDay } from "@/lib/reservations/rules/days";
import { LOTTERY_PRIORITIES } from "@/lib/reservations/rules/lottery";
import { parisDay } from "@/lib/reservations/rules/deadlines";
import { capacitiesAction, rulesAction, staffBookAction, walkInAction } from "@/lib/reservations/staff-actions";
import { activitiesForStaff } from "@/lib/reservations/staff";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Activité" };

export default async function StaffActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ activite: string }>;
  searchParams: Promise<{ jour?: string; ok?: string; erreur?: string }>;
}) {
  const { activite } = await params;
  const search = await searchParams;
  if (search.jour && isDay(search.jour)) redirect(`/admin/reservations/${activite}/${search.jour}`);
  const caller = await staffCaller();
  const activity = (await activitiesForStaff(caller)).find((candidate) => candidate.code === activite);
  if (!activity) notFound();
  const here = `/admin/reservations/${activite}`;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">{activity.name}</h1>
      <Notice ok={search.ok} erreur={search.erreur} />
      <form method="get" className="card flex flex-wrap items-end gap-3" aria-label="Ouvrir une journée">
        <span className="flex flex-col gap-1">
          <label htmlFor="jour" className="field-label">
            Journée
          </label>
          <input id="jour" name="jour" type="date" className="field-input" defaultValue={parisDay(new Date())} required />
        </span>
        <button type="submit" className="btn-primary">
          Voir les réservations et le pointage
        </button>
      </form>
      <section aria-labelledby="pour-famille" className="card flex flex-col gap-3">
        <h2 id="pour-famille" className="section-title">
          Réserver pour une famille (même hors délai)
        </h2>
        <form action={staffBookAction} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="activiteId" value={activity.id} />
          <input type="hidden" name="retour" value={here} />
          <span className="flex flex-col gap-1">
            <label htmlFor="enfant" className="field-label">
              Identifiant de l&apos;enfant (fiche famille)
            </label>
            <input id="enfant" name="enfant" className="field-input" required />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="jour-resa" className="field-label">
              Jour
            </label>
            <input id="jour-resa" name="jour" type="date" className="field-input" required />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="unite" className="field-label">
              Temps d&apos;accueil
            </label>
            <select id="unite" name="unite" className="field-input">
              {activity.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.label}
                </option>
              ))}
            </select>
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="motif" className="field-label">
              Motif (enregistré)
            </label>
            <input id="motif" name="motif" className="field-input" required minLength={3} />
          </span>
          <button type="submit" className="btn-primary">
            Réserver
          </button>
        </form>
        <h3 className="font-semibold">Présence imprévue</h3>
        <form action={walkInAction} className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="activite" value={activity.code} />
          <input type="hidden" name="retour" value={here} />
          <span className="flex flex-col gap-1">
            <label htmlFor="enfant-imprevu" className="field-label">
              Identifiant de l&apos;enfant
            </label>
            <input id="enfant-imprevu" name="enfant" className="field-input" required />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="jour-imprevu" className="field-label">
              Jour
            </label>
            <input id="jour-imprevu" name="jour" type="date" className="field-input" defaultValue={parisDay(new Date())} required />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="unite-imprevu" className="field-label">
              Temps d&apos;accueil
            </label>
            <select id="unite-imprevu" name="unite" className="field-input">
              {activity.units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unit.label}
                </option>
              ))}
            </select>
          </span>
          <button type="submit" className="btn-secondary">
            Ajouter la présence
          </button>
        </form>
      </section>
      <section aria-labelledby="regles" className="card flex flex-col gap-3">
        <h2 id="regles" className="section-title">
          Règles de l&apos;activité (administrateurs)
        </h2>
        <form action={rulesAction} className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="activiteId" value={activity.id} />
          <input type="hidden" name="retour" value={here} />
          <span className="flex flex-col gap-1">
            <label htmlFor="validation" className="field-label">
              Validation des inscriptions
            </label>
            <select id="validation" name="validation" className="field-input" defaultValue={activity.validation}>
              <option value="AUTOMATIC">Automatique (s&apos;il reste de la place)</option>
              <option value="STAFF">Par les agents</option>
            </select>
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="offerHours" className="field-label">
              Délai pour accepter une place libérée (heures)
            </label>
            <input
              id="offerHours"
              name="offerHours"
              type="number"
              min={1}
              max={336}
              className="field-input"
              defaultValue={activity.offerHours}
            />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="bookingDaysBefore" className="field-label">
              Réservation jusqu&apos;à J-
            </label>
            <input
              id="bookingDaysBefore"
              name="bookingDaysBefore"
              type="number"
              min={0}
              max={60}
              className="field-input"
              defaultValue={activity.bookingDaysBefore}
            />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="bookingTime" className="field-label">
              à (heure de Paris)
            </label>
            <input id="bookingTime" name="bookingTime" type="time" className="field-input" defaultValue={activity.bookingTime} />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="cancelDaysBefore" className="field-label">
              Annulation jusqu&apos;à J-
            </label>
            <input
              id="cancelDaysBefore"
              name="cancelDaysBefore"
              type="number"
              min={0}
              max={60}
              className="field-input"
              defaultValue={activity.cancelDaysBefore}
            />
          </span>
          <span className="flex flex-col gap-1">
            <label htmlFor="cancelTime" className="field-label">
              à (heure de Paris)
            </label>
            <input id="cancelTime" name="cancelTime" type="time" className="field-input" defaultValue={activity.cancelTime} />
          </span>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="workingDays" defaultChecked={activity.workingDays} className="h-5 w-5" /> Compter en jours ouvrés
            (sans week-end ni jour férié)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="waitingList" defaultChecked={activity.waitingList} className="h-5 w-5" /> Liste d&apos;attente sur
            les jours complets
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="requiresChildFile" defaultChecked={activity.requiresChildFile} className="h-5 w-5" /> Fiche
            sanitaire et de liaison remplie et confirmée pour l&apos;année scolaire avant l&apos;inscription
          </label>
          <fieldset className="flex flex-col gap-2 sm:col-span-2">
            <legend className="font-semibold">Priorités du tirage au sort (sessions ouvertes par tirage), dans l&apos;ordre</legend>
            <div className="flex flex-wrap gap-3">
              {[1, 2, 3].map((rank) => (
                <span key={rank} className="flex flex-col gap-1">
                  <label htmlFor={`priorite${rank}`} className="field-label">
                    {rank === 1 ? "1re priorité" : `${rank}e priorité`}
                  </label>
                  <select
                    id={`priorite${rank}`}
                    name={`priorite${rank}`}
                    className="field-input"
                    defaultValue={activity.lotteryPriorities[rank - 1] ?? ""}
                  >
                    <option value="">Aucune</option>
                    {Object.entries(LOTTERY_PRIORITIES).map(([code, label]) => (
                      <option key={code} value={code}>
                        {label}
                      </option>
                    ))}
                  </select>
                </span>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="btn-primary self-start">
            Enregistrer les règles
          </button>
        </form>
      </section>
      <section aria-labelledby="places" className="card flex flex-col gap-3">
        <h2 id="places" className="section-title">
          Places par groupe et temps d&apos;accueil (administrateurs)
        </h2>
        <p className="text-sm">
          Le nouveau nombre s&apos;applique à aujourd&apos;hui et aux jours à venir ; un jour déjà plus réservé garde ses réservations. Les
          jours passés ne changent pas.
        </p>
        <form action={capacitiesAction} className="flex flex-col gap-3">
          <input type="hidden" name="activiteId" value={activity.id} />
          <input type="hidden" name="retour" value={here} />
          {activity.groups.map((group) => (
            <fieldset key={group.id} className="flex flex-wrap gap-3">
              <legend className="font-semibold">{group.name}</legend>
              {group.capacities.map((capacity) => {
                const unit = activity.units.find((candidate) => candidate.id === capacity.unitId);
                const fieldId = `places-${group.id}-${capacity.unitId}`;
                return unit ? (
                  <span key={capacity.unitId} className="flex flex-col gap-1">
                    <label htmlFor={fieldId} className="field-label">
                      {unit.label}
                    </label>
                    <input
                      id={fieldId}
                      name={`places|${group.id}|${capacity.unitId}`}
                      type="number"
                      min={0}
                      max={9999}
                      inputMode="numeric"
                      className="field-input w-28"
                      defaultValue={capacity.capacity}
                      required
                    />
                  </span>
                ) : null;
              })}
            </fieldset>
          ))}
          <button type="submit" className="btn-primary self-start">
            Enregistrer les places
          </button>
        </form>
      </section>
      <Link href="/admin/reservations" className="link">
        Retour aux inscriptions et réservations
      </Link>
    </div>
  );
}
