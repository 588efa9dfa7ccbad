/**
 * What a booking (issue #16's Booking row: one per child, day and unit) means for billing. Pure and free of the
 * database, so the collector, the demo seed and the tests translate bookings the same way.
 */
import type { AttendanceStatus, BookingStatus } from "@/lib/generated/prisma/client";
import type { BillableItem, BillableStateCode, UnitKindCode } from "./types";

export interface BookingFacts {
  status: BookingStatus;
  attendance: AttendanceStatus | null;
  cancelledLate: boolean;
  absenceJustified: boolean;
  walkIn: boolean;
  /** The day is over (attendance should have been recorded). */
  past: boolean;
}

export const NOT_RECORDED_WARNING = "Pointage non saisi : facturé comme présent, à vérifier.";

export function billableState(booking: BookingFacts): { state: BillableStateCode; warning?: string } | null {
  if (booking.status === "WALK_IN" || booking.walkIn) return { state: "WALK_IN" };
  if (booking.status === "CANCELLED") {
    if (!booking.cancelledLate) return null;
    return booking.absenceJustified ? { state: "ABSENT_JUSTIFIED" } : { state: "LATE_CANCELLATION" };
  }
  if (booking.status !== "BOOKED") return null;
  if (booking.absenceJustified || booking.attendance === "ABSENT_EXCUSED") return { state: "ABSENT_JUSTIFIED" };
  if (booking.attendance === "ABSENT") return { state: "ABSENT_UNJUSTIFIED" };
  if (booking.attendance === "PRESENT" || booking.attendance === "LATE" || booking.attendance === "LEFT_EARLY") return { state: "PRESENT" };
  return { state: "PRESENT", warning: booking.past ? NOT_RECORDED_WARNING : "Journée pas encore passée : facturée comme réservée." };
}

/** The booking columns billing reads (a Prisma `select`). */
export const BILLABLE_BOOKING_SELECT = {
  id: true,
  familyId: true,
  childId: true,
  date: true,
  status: true,
  attendance: true,
  cancelledLate: true,
  absenceJustified: true,
  walkIn: true,
  child: { select: { firstName: true, usageName: true, birthDate: true } },
  activity: { select: { code: true, name: true, service: { select: { code: true } } } },
  unit: { select: { kind: true, label: true } },
} as const;

export interface BillableBooking extends Omit<BookingFacts, "past"> {
  id: string;
  familyId: string;
  childId: string;
  date: Date;
  child: { firstName: string; usageName: string; birthDate: Date | null };
  activity: { code: string; name: string; service: { code: string } };
  unit: { kind: string; label: string };
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Bookings -> billable items; `today` (YYYY-MM-DD) tells a past day without attendance from a day to come. */
export function billableItems(bookings: readonly BillableBooking[], today: string): BillableItem[] {
  const items: BillableItem[] = [];
  for (const booking of bookings) {
    const day = dayOf(booking.date);
    const billing = billableState({ ...booking, past: day < today });
    if (!billing) continue;
    items.push({
      sourceId: booking.id,
      familyId: booking.familyId,
      childId: booking.childId,
      childName: `${booking.child.firstName} ${booking.child.usageName.toUpperCase()}`,
      childBirthDate: booking.child.birthDate ? dayOf(booking.child.birthDate) : null,
      date: day,
      serviceCode: booking.activity.service.code,
      activityCode: booking.activity.code,
      activityName: booking.activity.name,
      unit: booking.unit.kind as UnitKindCode,
      unitLabel: booking.unit.label,
      state: billing.state,
      warning: billing.warning,
    });
  }
  return items;
}
