import { currentParent } from "@/lib/auth/session";
import { childOfFamily } from "@/lib/reservations/access";
import { icalendar } from "@/lib/reservations/ical";
import { upcomingBookings } from "@/lib/reservations/queries";
import { dayOf } from "@/lib/reservations/rules/days";
import { ForbiddenError } from "@/lib/platform/security/authorize";

/** A child's bookings to come as an iCalendar file, for the family's phone calendar. Only for the child's family. */
export async function GET(_request: Request, { params }: { params: Promise<{ enfant: string }> }) {
  const parent = await currentParent();
  if (!parent?.familyId) return new Response("Connectez-vous pour télécharger ce calendrier.", { status: 401 });
  const { enfant } = await params;
  try {
    const child = await childOfFamily(parent.familyId, enfant);
    const bookings = await upcomingBookings(parent.familyId, child.id);
    const body = icalendar(
      `Réservations de ${child.firstName}`,
      bookings.map((booking) => ({
        uid: booking.id,
        day: dayOf(booking.date),
        startTime: booking.unit.startTime,
        endTime: booking.unit.endTime,
        summary: `${booking.child.firstName} : ${booking.activity.name} (${booking.unit.label})`,
        location: booking.activity.location,
      })),
    );
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="reservations-${child.firstName.normalize("NFD").replace(/[^A-Za-z0-9]/g, "")}.ics"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response("Calendrier introuvable.", { status: 404 });
    throw error;
  }
}
