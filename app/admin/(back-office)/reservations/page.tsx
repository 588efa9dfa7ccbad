import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/lib/reservations/components/Notice";
import { parisDay } from "@/lib/reservations/rules/deadlines";
import { dayOf, longDay } from "@/lib/reservations/rules/days";
import { activitiesForStaff } from "@/lib/reservations/staff";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Inscriptions et réservations" };

export default async function StaffReservationsPage({ searchParams }: { searchParams: Promise<{ ok?: string; erreur?: string }> }) {
  const search = await searchParams;
  const activities = await activitiesForStaff(await staffCaller());
  const today = parisDay(new Date());
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Inscriptions et réservations</h1>
      <Notice ok={search.ok} erreur={search.erreur} />
      <p>
        <Link href="/admin/reservations/inscriptions" className="btn-primary inline-block">
          Demandes d&apos;inscription à traiter ({activities.reduce((sum, activity) => sum + activity.pending, 0)})
        </Link>
      </p>
      {activities.map((activity) => (
        <section key={activity.id} aria-labelledby={`activite-${activity.code}`} className="card flex flex-col gap-3">
          <h2 id={`activite-${activity.code}`} className="section-title">
            {activity.name}
          </h2>
          <p className="text-sm">
            Validation {activity.validation === "AUTOMATIC" ? "automatique" : "par les agents"} ; réservation jusqu&apos;à J-
            {activity.bookingDaysBefore} {activity.bookingTime}, annulation jusqu&apos;à J-{activity.cancelDaysBefore} {activity.cancelTime}
            {activity.workingDays ? " (jours ouvrés)" : ""} ; place proposée {activity.offerHours} h. Groupes :{" "}
            {activity.groups.map((group) => `${group.name} (${group.minAge}-${group.maxAge} ans)`).join(", ")}.
          </p>
          <ul className="text-sm">
            {activity.periods.map((period) => (
              <li key={period.id}>
                {period.name} : du {longDay(dayOf(period.startDate))} au {longDay(dayOf(period.endDate))}, {period.enrolledCount} inscrit
                {period.enrolledCount > 1 ? "s" : ""}
                {period.openingMode === "LOTTERY"
                  ? ` — tirage au sort (${period.lotteryMinutes} min)${period.lotterySeed ? `, graine ${period.lotterySeed}` : ""}`
                  : ""}
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap gap-3">
            <Link href={`/admin/reservations/${activity.code}/${today}`} className="btn-secondary">
              La journée d&apos;aujourd&apos;hui et le pointage
            </Link>
            <Link href={`/admin/reservations/${activity.code}`} className="btn-secondary">
              Autre jour et règles
            </Link>
            {activity.pending > 0 ? (
              <Link href={`/admin/reservations/inscriptions?activite=${activity.code}`} className="btn-secondary">
                {activity.pending} demande{activity.pending > 1 ? "s" : ""} à traiter
              </Link>
            ) : null}
          </div>
        </section>
      ))}
    </div>
  );
}
