import type { Metadata } from "next";
import Link from "next/link";
import { requireParent } from "@/lib/auth/session";
import { acceptOfferAction } from "@/lib/reservations/actions";
import { childrenOfFamily } from "@/lib/reservations/access";
import { Explainer } from "@/lib/reservations/components/Explainer";
import { familyOverview } from "@/lib/reservations/queries";
import { formatInstant } from "@/lib/reservations/rules/deadlines";
import { dayOf, longDay } from "@/lib/reservations/rules/days";
import { ENROLMENT_STATUS_LABELS } from "@/lib/reservations/rules/enrolment";

export const metadata: Metadata = { title: "Inscriptions et réservations" };

export default async function ReservationsHomePage({
  searchParams,
}: {
  searchParams: Promise<{ place?: string; erreur?: string; echange?: string }>;
}) {
  const parent = await requireParent("/espace/reservations");
  const search = await searchParams;
  if (!parent.familyId) {
    return (
      <div className="flex flex-col gap-6">
        <h1 className="page-title">Inscriptions et réservations</h1>
        <p className="card">Les inscriptions aux services sont possibles une fois votre famille déclarée et validée par nos services.</p>
        <Link href="/espace" className="link">
          Retour à mon accueil
        </Link>
      </div>
    );
  }
  const [{ enrolments, offers }, children] = await Promise.all([familyOverview(parent.familyId), childrenOfFamily(parent.familyId)]);
  const accepted = enrolments.filter((enrolment) => enrolment.status === "ACCEPTED");
  const activities = [...new Map(accepted.map((enrolment) => [enrolment.activity.code, enrolment.activity])).values()];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Inscriptions et réservations</h1>
      {search.place === "acceptee" ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Place acceptée : le jour est réservé.
        </p>
      ) : null}
      {search.echange === "ok" ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Échange fait : le nouveau jour est réservé et l&apos;ancien annulé.
        </p>
      ) : null}
      {search.erreur ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 font-medium text-red-900">
          {search.erreur}
        </p>
      ) : null}
      {offers.length > 0 ? (
        <section aria-labelledby="offres-titre" className="card border-2 border-blue-700">
          <h2 id="offres-titre" className="section-title mb-3">
            Des places vous sont proposées
          </h2>
          <ul className="flex flex-col gap-3">
            {offers.map((offer) => (
              <li key={offer.id} className="flex flex-col gap-2">
                <p>
                  {offer.child.firstName} — {offer.activity.name}, {longDay(dayOf(offer.date))} ({offer.unit.label}) : à accepter avant le{" "}
                  {formatInstant(offer.offerExpiresAt!)}.
                </p>
                <form action={acceptOfferAction}>
                  <input type="hidden" name="reservation" value={offer.id} />
                  <button type="submit" className="btn-primary">
                    Accepter la place de {offer.child.firstName}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Explainer />
      <section aria-labelledby="inscriptions-titre" className="card">
        <h2 id="inscriptions-titre" className="section-title mb-3">
          Mes inscriptions
        </h2>
        {enrolments.length === 0 ? <p className="mb-3">Aucune inscription pour l&apos;instant.</p> : null}
        <ul className="mb-4 flex flex-col gap-2">
          {enrolments.map((enrolment) => (
            <li key={enrolment.id} className="border-l-4 border-town pl-3">
              <p className="font-semibold">
                {enrolment.child.firstName} — {enrolment.activity.name} ({enrolment.period.name})
              </p>
              <p className="text-sm">
                {ENROLMENT_STATUS_LABELS[enrolment.status]}
                {enrolment.status === "WAITLISTED" && enrolment.position ? ` : position ${enrolment.position}` : ""}
                {enrolment.status === "REFUSED" && enrolment.refusalReason ? ` : ${enrolment.refusalReason}` : ""}
                {enrolment.status === "ACCEPTED" && enrolment.period.bookingOpensAt && enrolment.period.bookingOpensAt > new Date()
                  ? ` — réservations à partir du ${formatInstant(enrolment.period.bookingOpensAt)}`
                  : ""}
              </p>
            </li>
          ))}
        </ul>
        <Link href="/espace/reservations/inscription" className="btn-accent inline-block">
          Inscrire un ou plusieurs enfants
        </Link>
      </section>
      <section aria-labelledby="reserver-titre" className="card">
        <h2 id="reserver-titre" className="section-title mb-3">
          Réserver des jours
        </h2>
        {activities.length === 0 ? <p>Une fois une inscription acceptée, vous réservez ici les jours de présence.</p> : null}
        <ul className="flex flex-col gap-2">
          {activities.map((activity) => (
            <li key={activity.code}>
              <Link href={`/espace/reservations/${activity.code}`} className="link">
                {activity.name} : le calendrier
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {children.length > 0 ? (
        <section aria-labelledby="agenda-titre" className="card">
          <h2 id="agenda-titre" className="section-title mb-3">
            Dans l&apos;agenda de mon téléphone
          </h2>
          <ul className="flex flex-col gap-2">
            {children.map((child) => (
              <li key={child.id}>
                <a href={`/espace/reservations/calendrier/${child.id}`} className="link" download>
                  Les réservations de {child.firstName} (fichier iCalendar)
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
