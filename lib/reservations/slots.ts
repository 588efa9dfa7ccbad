import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Day } from "./rules/days";

/**
 * A day's places for one group and unit: the only code that moves `booking_slots.booked`. Each change is one
 * conditional UPDATE, so two requests racing for the last place cannot both get it (the row lock orders them and
 * the second one's `booked < capacity` is false); the table's trigger is the last line of defence.
 */
export interface SlotKey {
  groupId: string;
  unitId: string;
  day: Day;
}

/** Creates the day's counter from the group's capacity for the unit; false when the unit is not offered to the group. */
export async function ensureSlot(tx: Prisma.TransactionClient, slot: SlotKey): Promise<boolean> {
  await tx.$executeRaw`
    INSERT INTO booking_slots ("groupId", "unitId", "date", capacity, booked)
    SELECT "groupId", "unitId", ${slot.day}::date, capacity, 0 FROM group_capacities
    WHERE "groupId" = ${slot.groupId}::uuid AND "unitId" = ${slot.unitId}::uuid
    ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<{ one: number }[]>`
    SELECT 1 AS one FROM booking_slots WHERE "groupId" = ${slot.groupId}::uuid AND "unitId" = ${slot.unitId}::uuid AND "date" = ${slot.day}::date`;
  return rows.length > 0;
}

/**
 * Takes a place if one is left. With `respectWaitingList`, a place freed while families wait is left for the
 * offer job (the waiting list goes first, not whoever taps fastest after a cancellation).
 */
export async function claimPlace(tx: Prisma.TransactionClient, slot: SlotKey, respectWaitingList: boolean): Promise<boolean> {
  const rows = respectWaitingList
    ? await tx.$queryRaw<{ booked: number }[]>`
        UPDATE booking_slots s SET booked = booked + 1
        WHERE s."groupId" = ${slot.groupId}::uuid AND s."unitId" = ${slot.unitId}::uuid AND s."date" = ${slot.day}::date
          AND s.booked < s.capacity
          AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b."groupId" = s."groupId" AND b."unitId" = s."unitId" AND b."date" = s."date" AND b.status = 'WAITLISTED')
        RETURNING booked`
    : await tx.$queryRaw<{ booked: number }[]>`
        UPDATE booking_slots SET booked = booked + 1
        WHERE "groupId" = ${slot.groupId}::uuid AND "unitId" = ${slot.unitId}::uuid AND "date" = ${slot.day}::date AND booked < capacity
        RETURNING booked`;
  return rows.length === 1;
}

export async function releasePlace(tx: Prisma.TransactionClient, slot: SlotKey): Promise<void> {
  await tx.$executeRaw`
    UPDATE booking_slots SET booked = booked - 1
    WHERE "groupId" = ${slot.groupId}::uuid AND "unitId" = ${slot.unitId}::uuid AND "date" = ${slot.day}::date`;
}

/** Places left per slot, for calendars (a read for display only: decisions go through claimPlace). */
export async function remainingPlaces(
  tx: Prisma.TransactionClient,
  groupId: string,
  unitIds: string[],
  from: Day,
  to: Day,
): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ unitId: string; day: string; remaining: number }[]>`
    SELECT gc."unitId"::text AS "unitId", to_char(d, 'YYYY-MM-DD') AS day, (COALESCE(s.capacity, gc.capacity) - COALESCE(s.booked, 0))::int AS remaining
    FROM group_capacities gc
    CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') AS d
    LEFT JOIN booking_slots s ON s."groupId" = gc."groupId" AND s."unitId" = gc."unitId" AND s."date" = d::date
    WHERE gc."groupId" = ${groupId}::uuid AND gc."unitId"::text = ANY(${unitIds})`;
  return new Map(rows.map((row) => [`${row.day}|${row.unitId}`, row.remaining]));
}
