import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { swapAction } from "@/lib/reservations/actions";
import { ActionForm } from "@/lib/reservations/components/ActionForm";
import { bookingOfFamily, monthCalendar } from "@/lib/reservations/queries";
import { parisDay } from "@/lib/reservations/rules/deadlines";
import { addMonths, dayOf, longDay } from "@/lib/reservations/rules/days";

export const metadata: Metadata = { title: "Échanger un jour" };

export default async function SwapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const parent = await requireParent("/espace/reservations");
  if (!parent.familyId) redirect("/espace/reservations");
  const booking = await bookingOfFamily(parent.familyId, id);
  if (!booking || booking.status !== "BOOKED") notFound();
  // Free days of this month and the next two, for the same child and unit.
  const first = (dayOf(booking.date) > parisDay(new Date()) ? parisDay(new Date()) : dayOf(booking.date)).slice(0, 7);
  const options: { value: string; label: string }[] = [];
  for (const month of [first, addMonths(first, 1), addMonths(first, 2)]) {
    const calendar = await monthCalendar(parent.familyId, booking.activity.code, month, [booking.childId]);
    for (const day of calendar?.days ?? []) {
      for (const cell of day.cells) {
        if (cell.state.kind === "libre" && cell.unitId === booking.unitId)
          options.push({ value: `${day.day}|${cell.unitId}`, label: longDay(day.day) });
      }
    }
  }
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Échanger un jour</h1>
      <p>
        {booking.child.firstName} — {booking.activity.name} : le {longDay(dayOf(booking.date))} ({booking.unit.label}) contre un autre jour.
        Le nouveau jour est réservé d&apos;abord ; l&apos;ancien n&apos;est annulé que si le nouveau est bien réservé.
      </p>
      <ActionForm action={swapAction} className="card flex flex-col gap-4" label="Échanger un jour">
        <input type="hidden" name="reservation" value={booking.id} />
        <div className="flex flex-col gap-1">
          <label htmlFor="nouveau" className="field-label">
            Nouveau jour
          </label>
          <select id="nouveau" name="nouveau" className="field-input" defaultValue="">
            <option value="">Choisissez un jour libre</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary self-start">
          Échanger
        </button>
      </ActionForm>
      <Link href={`/espace/reservations/${booking.activity.code}`} className="link">
        Retour au calendrier
      </Link>
    </div>
  );
}
