import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/lib/reservations/components/Notice";
import { dayOf, longDay } from "@/lib/reservations/rules/days";
import { ENROLMENT_STATUS_LABELS } from "@/lib/reservations/rules/enrolment";
import { decideEnrolmentAction } from "@/lib/reservations/staff-actions";
import { enrolmentQueue } from "@/lib/reservations/staff";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Demandes d'inscription" };

export default async function EnrolmentRequestsPage({
  searchParams,
}: {
  searchParams: Promise<{ activite?: string; ok?: string; erreur?: string }>;
}) {
  const search = await searchParams;
  const rows = await enrolmentQueue(await staffCaller(), search.activite);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Demandes d&apos;inscription</h1>
      <Notice ok={search.ok} erreur={search.erreur} />
      {rows.length === 0 ? <p className="card">Aucune demande en attente.</p> : null}
      <ul className="flex flex-col gap-4">
        {rows.map((row) => (
          <li key={row.id} className="card flex flex-col gap-3">
            <p className="font-semibold">
              {row.child.usageName.toUpperCase()} {row.child.firstName} (
              {row.child.birthDate ? `né(e) le ${longDay(dayOf(row.child.birthDate))}` : "date de naissance inconnue"}) — dossier{" "}
              {row.family.dossierNumber}
            </p>
            <p className="text-sm">
              {row.activity.name}, {row.period.name}, groupe {row.group?.name ?? "—"} : {ENROLMENT_STATUS_LABELS[row.status]} depuis le{" "}
              {longDay(dayOf(row.createdAt))}. Places :{" "}
              {row.period.enrolmentCapacity === null ? "sans limite" : `${row.period.enrolledCount} / ${row.period.enrolmentCapacity}`}.
            </p>
            <form action={decideEnrolmentAction} className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="inscription" value={row.id} />
              <input type="hidden" name="retour" value="/admin/reservations/inscriptions" />
              <button type="submit" name="decision" value="accept" className="btn-primary">
                Accepter l&apos;inscription de {row.child.firstName}
              </button>
              <span className="flex flex-col gap-1">
                <label htmlFor={`motif-${row.id}`} className="field-label">
                  Motif du refus (lu par la famille)
                </label>
                <input id={`motif-${row.id}`} name="motif" className="field-input" />
              </span>
              <button type="submit" name="decision" value="refuse" className="btn-danger">
                Refuser
              </button>
            </form>
          </li>
        ))}
      </ul>
      <Link href="/admin/reservations" className="link">
        Retour aux inscriptions et réservations
      </Link>
    </div>
  );
}
