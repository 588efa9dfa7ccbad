import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/lib/reservations/components/Notice";
import { addDays, longDay } from "@/lib/reservations/rules/days";
import { attendanceAction, staffCancelAction } from "@/lib/reservations/staff-actions";
import { ATTENDANCE_LABELS, dayOfActivity } from "@/lib/reservations/staff";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Pointage" };

const STATUS_LABELS: Record<string, string> = {
  BOOKED: "Réservé",
  WAITLISTED: "Liste d'attente",
  OFFERED: "Place proposée",
  WALK_IN: "Présence imprévue",
  REQUESTED: "Demande (tirage au sort)",
};

/** The day of an activity, per group and unit: places left, and the attendance list, made for a tablet. */
export default async function StaffDayPage({
  params,
  searchParams,
}: {
  params: Promise<{ activite: string; jour: string }>;
  searchParams: Promise<{ ok?: string; erreur?: string }>;
}) {
  const { activite, jour } = await params;
  const search = await searchParams;
  const data = await dayOfActivity(await staffCaller(), activite, jour);
  if (!data) notFound();
  const here = `/admin/reservations/${activite}/${jour}`;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">
        {data.activity.name} — <span className="capitalize">{longDay(jour)}</span>
      </h1>
      <Notice ok={search.ok} erreur={search.erreur} />
      <nav aria-label="Jours" className="flex flex-wrap gap-3 print:hidden">
        <Link href={`/admin/reservations/${activite}/${addDays(jour, -1)}`} className="btn-secondary">
          Jour précédent
        </Link>
        <Link href={`/admin/reservations/${activite}/${addDays(jour, 1)}`} className="btn-secondary">
          Jour suivant
        </Link>
        <a href={`${here}/export`} className="btn-secondary" download>
          Export CSV de la journée
        </a>
        <a href={`${here}/impression`} className="btn-secondary" download>
          Liste à imprimer (PDF)
        </a>
        <Link href={`/admin/reservations/${activite}`} className="btn-secondary">
          Réserver pour une famille, autre jour
        </Link>
      </nav>
      <p className="text-sm print:hidden">
        Pour imprimer la liste : menu du navigateur, « Imprimer » (la page s&apos;imprime sans les boutons).
      </p>
      {data.sections.map((section) => (
        <section
          key={`${section.group.id}-${section.unit.id}`}
          aria-labelledby={`s-${section.group.id}-${section.unit.id}`}
          className="card flex flex-col gap-3"
        >
          <h2 id={`s-${section.group.id}-${section.unit.id}`} className="section-title">
            {section.group.name} — {section.unit.label} : {section.booked} / {section.capacity} places, {section.remaining} restante
            {section.remaining > 1 ? "s" : ""}
          </h2>
          {section.rows.length === 0 ? <p>Aucun enfant.</p> : null}
          <ul className="flex flex-col gap-3">
            {section.rows.map((row) => (
              <li key={row.bookingId} className="flex flex-col gap-2 border-t border-slate-200 pt-3">
                <p className="text-lg font-semibold">
                  {row.name}{" "}
                  <span className="text-sm font-normal">
                    ({STATUS_LABELS[row.status] ?? row.status}
                    {row.attendance ? ` — ${ATTENDANCE_LABELS[row.attendance]}${row.attendanceTime ? ` ${row.attendanceTime}` : ""}` : ""}
                    {row.absenceDeclared ? ` — absence déclarée${row.absenceJustified ? " avec certificat" : ""}` : ""})
                  </span>
                </p>
                {row.health?.pai || row.health?.allergies.length ? (
                  <p className="rounded border-2 border-red-700 bg-red-50 p-2 text-sm font-semibold text-red-900">
                    {row.health.pai ? "PAI. " : ""}
                    {row.health.allergies
                      .map((allergy) => `Allergie : ${allergy.name}${allergy.action ? ` (${allergy.action})` : ""}`)
                      .join(" ; ")}
                    {row.health.diet ? ` Régime : ${row.health.diet}` : ""}
                  </p>
                ) : null}
                {row.pickup ? (
                  <p className="text-sm">
                    Peuvent venir le chercher :{" "}
                    {row.pickup.people.map((person) => `${person.name} (${person.relationship}, ${person.phone})`).join(", ") || "—"}
                    {row.pickup.leavesAlone ? " ; autorisé à partir seul." : ""}
                  </p>
                ) : null}
                {row.status === "BOOKED" || row.status === "WALK_IN" ? (
                  <form
                    action={attendanceAction}
                    className="flex flex-wrap items-end gap-2 print:hidden"
                    aria-label={`Pointage de ${row.name}`}
                  >
                    <input type="hidden" name="reservation" value={row.bookingId} />
                    <input type="hidden" name="retour" value={here} />
                    {(["PRESENT", "ABSENT", "ABSENT_EXCUSED"] as const).map((status) => (
                      <button
                        key={status}
                        type="submit"
                        name="pointage"
                        value={status}
                        className={row.attendance === status ? "btn-primary min-h-12" : "btn-secondary min-h-12"}
                        aria-pressed={row.attendance === status}
                      >
                        {ATTENDANCE_LABELS[status]}
                      </button>
                    ))}
                    <span className="flex flex-col gap-1">
                      <label htmlFor={`heure-${row.bookingId}`} className="text-sm font-semibold">
                        Heure
                      </label>
                      <input
                        id={`heure-${row.bookingId}`}
                        name="heure"
                        type="time"
                        className="field-input min-h-12"
                        defaultValue={row.attendanceTime ?? ""}
                      />
                    </span>
                    <button
                      type="submit"
                      name="pointage"
                      value="LATE"
                      className={row.attendance === "LATE" ? "btn-primary min-h-12" : "btn-secondary min-h-12"}
                      aria-pressed={row.attendance === "LATE"}
                    >
                      Arrivé en retard
                    </button>
                    <button
                      type="submit"
                      name="pointage"
                      value="LEFT_EARLY"
                      className={row.attendance === "LEFT_EARLY" ? "btn-primary min-h-12" : "btn-secondary min-h-12"}
                      aria-pressed={row.attendance === "LEFT_EARLY"}
                    >
                      Parti à
                    </button>
                  </form>
                ) : null}
                {row.status !== "WALK_IN" ? (
                  <details className="print:hidden">
                    <summary className="cursor-pointer text-sm font-semibold">Annuler pour la famille</summary>
                    <form action={staffCancelAction} className="mt-2 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="reservation" value={row.bookingId} />
                      <input type="hidden" name="retour" value={here} />
                      <span className="flex flex-col gap-1">
                        <label htmlFor={`motif-${row.bookingId}`} className="text-sm font-semibold">
                          Motif (obligatoire, enregistré)
                        </label>
                        <input id={`motif-${row.bookingId}`} name="motif" className="field-input" required minLength={3} />
                      </span>
                      <button type="submit" className="btn-danger">
                        Annuler la réservation
                      </button>
                    </form>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
