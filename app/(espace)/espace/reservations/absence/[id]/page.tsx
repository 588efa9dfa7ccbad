import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { absenceAction } from "@/lib/reservations/actions";
import { ActionForm } from "@/lib/reservations/components/ActionForm";
import { bookingOfFamily } from "@/lib/reservations/queries";
import { dayOf, longDay } from "@/lib/reservations/rules/days";

export const metadata: Metadata = { title: "Déclarer une absence" };

export default async function AbsencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const parent = await requireParent("/espace/reservations");
  if (!parent.familyId) redirect("/espace/reservations");
  const booking = await bookingOfFamily(parent.familyId, id);
  if (!booking || booking.status !== "BOOKED") notFound();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Déclarer une absence</h1>
      <p>
        {booking.child.firstName} — {booking.activity.name}, {longDay(dayOf(booking.date))} ({booking.unit.label}). Le délai
        d&apos;annulation est passé : la journée reste réservée. Avec un certificat médical, l&apos;absence est justifiée
        {booking.activity.certificateWaivesCharge ? " et n'est pas facturée" : ""}.
      </p>
      <ActionForm action={absenceAction} className="card flex flex-col gap-4" encType="multipart/form-data" label="Déclarer une absence">
        <input type="hidden" name="reservation" value={booking.id} />
        <div className="flex flex-col gap-1">
          <label htmlFor="certificat" className="field-label">
            Certificat médical (PDF, JPEG ou PNG, 10 Mo au plus)
          </label>
          <input
            id="certificat"
            name="certificat"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            className="field-input"
            aria-describedby="certificat-aide"
          />
          <p id="certificat-aide" className="field-help">
            Facultatif : sans certificat, l&apos;absence est notée mais la journée reste due.
          </p>
        </div>
        <button type="submit" className="btn-primary self-start">
          Déclarer l&apos;absence
        </button>
      </ActionForm>
      <Link href={`/espace/reservations/${booking.activity.code}`} className="link">
        Retour au calendrier
      </Link>
    </div>
  );
}
