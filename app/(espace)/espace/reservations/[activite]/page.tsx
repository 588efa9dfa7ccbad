import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { calendarAction, weekPatternAction } from "@/lib/reservations/actions";
import { childrenOfFamily } from "@/lib/reservations/access";
import { ActionForm } from "@/lib/reservations/components/ActionForm";
import { stateClass } from "@/lib/reservations/components/states";
import { monthCalendar } from "@/lib/reservations/queries";
import { describeDayState } from "@/lib/reservations/rules/day-state";
import { formatInstant, parisDay } from "@/lib/reservations/rules/deadlines";
import { addMonths, dayOf, longDay, monthName, weekdayName } from "@/lib/reservations/rules/days";

export const metadata: Metadata = { title: "Réserver des jours" };

export default async function CalendarPage({
  params,
  searchParams,
}: {
  params: Promise<{ activite: string }>;
  searchParams: Promise<{ mois?: string; enfant?: string | string[] }>;
}) {
  const { activite } = await params;
  const search = await searchParams;
  const parent = await requireParent(`/espace/reservations/${activite}`);
  if (!parent.familyId) redirect("/espace/reservations");
  const children = await childrenOfFamily(parent.familyId);
  const wanted = [search.enfant ?? []].flat().filter((id) => children.some((child) => child.id === id));
  const childIds = wanted.length > 0 ? wanted : children.map((child) => child.id);
  let month = /^\d{4}-\d{2}$/.test(search.mois ?? "") ? search.mois! : parisDay(new Date()).slice(0, 7);
  let calendar = await monthCalendar(parent.familyId, activite, month, childIds);
  if (!calendar) notFound();
  // No day this month (before a holiday session): start at the first month of the child's period.
  if (!search.mois && calendar.days.length === 0 && calendar.periods[0]) {
    month = dayOf(calendar.periods.map((period) => period.startDate).sort((a, b) => a.getTime() - b.getTime())[0]!).slice(0, 7);
    calendar = (await monthCalendar(parent.familyId, activite, month, childIds))!;
  }
  const { activity, days } = calendar;
  const childName = new Map(calendar.children.map((child) => [child.id, child.firstName]));
  const unitLabel = new Map(activity.units.map((unit) => [unit.id, unit.label]));
  const query = (target: string) => `?mois=${target}${wanted.map((id) => `&enfant=${id}`).join("")}`;
  const cells = days.flatMap((day) => day.cells);
  const bookable = cells.some((cell) => cell.state.kind === "libre" || cell.state.kind === "complet");
  const notYetOpen = cells.find((cell) => cell.state.kind === "pas-ouvert");
  const weekdays = [...new Set(calendar.periods.flatMap((period) => period.weekdays))].sort();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">{activity.name}</h1>
      <p className="text-sm">
        Réservation jusqu&apos;à J-{activity.bookingDaysBefore} à {activity.bookingTime.replace(":", " h ")}, annulation jusqu&apos;à J-
        {activity.cancelDaysBefore} à {activity.cancelTime.replace(":", " h ")}
        {activity.workingDays ? " (jours ouvrés)" : ""}. Chaque jour indique sa date limite.
      </p>
      {children.length > 1 ? (
        <form method="get" className="card flex flex-wrap items-center gap-4" aria-label="Choisir les enfants">
          <input type="hidden" name="mois" value={month} />
          <fieldset className="flex flex-wrap gap-4">
            <legend className="field-label">Enfants affichés</legend>
            {children.map((child) => (
              <label key={child.id} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name="enfant" value={child.id} defaultChecked={childIds.includes(child.id)} className="h-5 w-5" />
                {child.firstName}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="btn-secondary">
            Afficher
          </button>
        </form>
      ) : null}
      <h2 className="section-title text-center">{monthName(month)}</h2>
      <nav aria-label="Mois" className="flex flex-wrap items-center justify-between gap-2">
        <Link
          href={query(addMonths(month, -1))}
          className="btn-secondary"
          aria-label={`Mois précédent : ${monthName(addMonths(month, -1))}`}
        >
          <span aria-hidden="true">←</span> Mois précédent
        </Link>
        <Link href={query(addMonths(month, 1))} className="btn-secondary" aria-label={`Mois suivant : ${monthName(addMonths(month, 1))}`}>
          Mois suivant <span aria-hidden="true">→</span>
        </Link>
      </nav>
      {days.length === 0 ? <p className="card">Aucun jour d&apos;accueil ce mois-ci pour les enfants inscrits.</p> : null}
      {days.length > 0 ? (
        <ActionForm action={calendarAction} className="flex flex-col gap-4" label="Réserver des jours">
          <input type="hidden" name="activite" value={activity.id} />
          {days.map((day) => (
            <fieldset key={day.day} className="card flex flex-col gap-2">
              <legend className="px-1 font-semibold capitalize">{longDay(day.day)}</legend>
              {day.cells.map((cell) => {
                const words = describeDayState(cell.state);
                const name = `${childName.get(cell.childId)} — ${unitLabel.get(cell.unitId)}`;
                const id = `case-${cell.childId}-${day.day}-${cell.unitId}`;
                return (
                  <div key={id} className={`flex flex-col gap-2 rounded-md border-2 p-3 ${stateClass(cell.state)}`}>
                    {cell.state.kind === "libre" || cell.state.kind === "complet" ? (
                      <label htmlFor={id} className="flex min-h-11 items-center gap-3">
                        <input
                          id={id}
                          type="checkbox"
                          name="case"
                          value={`${cell.childId}|${day.day}|${cell.unitId}`}
                          className="h-6 w-6 shrink-0"
                          disabled={cell.state.kind === "complet" && !cell.state.waitingList}
                        />
                        <span>
                          <span className="block font-semibold">
                            {name} : {words.label}
                            {cell.state.kind === "complet" && cell.state.waitingList ? " — cochez pour la liste d'attente" : ""}
                          </span>
                          <span className="block text-sm">{words.detail}</span>
                        </span>
                      </label>
                    ) : (
                      <p>
                        <span className="block font-semibold">
                          {name} : {words.label}
                        </span>
                        <span className="block text-sm">{words.detail}</span>
                      </p>
                    )}
                    {cell.bookingId &&
                    (cell.state.kind === "reserve" || cell.state.kind === "en-attente" || cell.state.kind === "demande") ? (
                      <div className="flex flex-wrap gap-2">
                        {cell.state.kind !== "reserve" || cell.state.cancellable ? (
                          <button
                            type="submit"
                            name="annuler"
                            value={cell.bookingId}
                            className="btn-secondary"
                            aria-label={`Annuler : ${name}, ${longDay(day.day)}`}
                          >
                            {cell.state.kind === "reserve" ? "Annuler" : "Retirer ma demande"}
                          </button>
                        ) : (
                          <Link
                            href={`/espace/reservations/absence/${cell.bookingId}`}
                            className="btn-secondary"
                            aria-label={`Déclarer une absence : ${name}, ${longDay(day.day)}`}
                          >
                            {calendar.absences.has(cell.bookingId) ? "Absence déclarée — modifier" : "Déclarer une absence"}
                          </Link>
                        )}
                        {cell.state.kind === "reserve" && cell.state.cancellable ? (
                          <Link
                            href={`/espace/reservations/echanger/${cell.bookingId}`}
                            className="btn-secondary"
                            aria-label={`Échanger contre un autre jour : ${name}, ${longDay(day.day)}`}
                          >
                            Échanger
                          </Link>
                        ) : null}
                      </div>
                    ) : null}
                    {cell.bookingId && cell.state.kind === "propose" ? (
                      <button type="submit" name="accepter" value={cell.bookingId} className="btn-primary self-start">
                        Accepter la place
                      </button>
                    ) : null}
                  </div>
                );
              })}
            </fieldset>
          ))}
          {bookable ? (
            <button type="submit" className="btn-primary sticky bottom-2 self-stretch sm:self-start">
              Réserver les jours cochés
            </button>
          ) : notYetOpen && notYetOpen.state.kind === "pas-ouvert" ? (
            <button type="button" className="btn-primary self-stretch opacity-80 sm:self-start" aria-disabled="true">
              Ouverture des réservations le {formatInstant(notYetOpen.state.opensAt)}
            </button>
          ) : null}
        </ActionForm>
      ) : null}
      {weekdays.length > 0 ? (
        <section aria-labelledby="semaine-titre" className="card">
          <h2 id="semaine-titre" className="section-title mb-3">
            Réserver chaque semaine
          </h2>
          <ActionForm action={weekPatternAction} className="flex flex-col gap-4" label="Réserver chaque semaine">
            <input type="hidden" name="activite" value={activity.id} />
            <fieldset className="flex flex-wrap gap-4">
              <legend className="field-label">Enfants</legend>
              {calendar.children.map((child) => (
                <label key={child.id} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="enfant" value={child.id} defaultChecked className="h-5 w-5" />
                  {child.firstName}
                </label>
              ))}
            </fieldset>
            <fieldset className="flex flex-wrap gap-4">
              <legend className="field-label">Tous les…</legend>
              {weekdays.map((weekday) => (
                <label key={weekday} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="jour" value={weekday} className="h-5 w-5" />
                  {weekdayName(weekday)}s
                </label>
              ))}
            </fieldset>
            <div className="flex flex-col gap-1">
              <label htmlFor="unite" className="field-label">
                Temps d&apos;accueil
              </label>
              <select id="unite" name="unite" className="field-input" defaultValue={activity.units[0]?.id}>
                {activity.units.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.label} ({unit.startTime.replace(":", " h ")} – {unit.endTime.replace(":", " h ")})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-primary self-start">
              Réserver jusqu&apos;à la fin de la période
            </button>
          </ActionForm>
        </section>
      ) : null}
      <Link href="/espace/reservations" className="link">
        Retour aux inscriptions et réservations
      </Link>
    </div>
  );
}
