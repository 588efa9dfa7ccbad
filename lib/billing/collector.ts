import "server-only";
import { db } from "@/lib/platform/db";
import type { AttendanceStatus, BookingStatus } from "@/lib/generated/prisma/client";
import { dateOf, dayString, monthBounds } from "./config";
import type { Regie } from "./tariffs";
import type { BillableItem, BillableStateCode, UnitKindCode } from "./types";

/**
 * Reads the billable items of a month from the reservations tables (issue #16): one Booking row per child, day
 * and unit. The translation of a booking into a billing state is `billableState`, kept pure for its tests.
 */
export interface BookingFacts {
  status: BookingStatus;
  attendance: AttendanceStatus | null;
  cancelledLate: boolean;
  absenceJustified: boolean;
  walkIn: boolean;
  /** The day is over (attendance should have been recorded). */
  past: boolean;
}

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
  return { state: "PRESENT", warning: booking.past ? "Pointage non saisi : facturé comme présent, à vérifier." : "Journée pas encore passée : facturée comme réservée." };
}

export async function collectBillableItems(regie: Regie, month: string, now = new Date()): Promise<BillableItem[]> {
  const { first, last } = monthBounds(month);
  const bookings = await db().booking.findMany({
    where: {
      date: { gte: dateOf(first), lte: dateOf(last) },
      activity: { service: { code: { in: regie.serviceCodes } } },
      status: { in: ["BOOKED", "CANCELLED", "WALK_IN"] },
    },
    select: {
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
    },
    orderBy: [{ date: "asc" }],
  });
  const today = dayString(now);
  const items: BillableItem[] = [];
  for (const booking of bookings) {
    const day = dayString(booking.date);
    const billing = billableState({ ...booking, past: day < today });
    if (!billing) continue;
    items.push({
      sourceId: booking.id,
      familyId: booking.familyId,
      childId: booking.childId,
      childName: `${booking.child.firstName} ${booking.child.usageName.toUpperCase()}`,
      childBirthDate: booking.child.birthDate ? dayString(booking.child.birthDate) : null,
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
