import "server-only";
import { db } from "@/lib/platform/db";
import { BILLABLE_BOOKING_SELECT, billableItems } from "./billable";
import { dateOf, dayString, monthBounds } from "./config";
import type { Regie } from "./tariffs";
import type { BillableItem } from "./types";

/**
 * Reads the billable items of a month from the reservations tables (issue #16): one Booking row per child, day
 * and unit, translated by `billableItems` (lib/billing/billable.ts, pure).
 */
export async function collectBillableItems(regie: Regie, month: string, now = new Date()): Promise<BillableItem[]> {
  const { first, last } = monthBounds(month);
  const bookings = await db().booking.findMany({
    where: {
      date: { gte: dateOf(first), lte: dateOf(last) },
      activity: { service: { code: { in: regie.serviceCodes } } },
      status: { in: ["BOOKED", "CANCELLED", "WALK_IN"] },
    },
    select: BILLABLE_BOOKING_SELECT,
    orderBy: [{ date: "asc" }],
  });
  return billableItems(bookings, dayString(now));
}
