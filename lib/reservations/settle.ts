import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Day } from "./rules/days";
import { claimPlace, type SlotKey } from "./slots";

export type BookingOutcome =
  | { day: Day; unitId: string; status: "BOOKED" | "WAITLISTED" | "REQUESTED" | "OFFERED"; already: boolean; position?: number }
  | { day: Day; unitId: string; status: "REFUSED"; reason: string };

const refused = (day: Day, unitId: string, reason: string): BookingOutcome => ({ day, unitId, status: "REFUSED", reason });

/** Gives a claimed row its place, or its waiting-list rank, or a refusal when the day is full and has no list. */
export async function settle(
  tx: Prisma.TransactionClient,
  slot: SlotKey,
  bookingId: string,
  waitingList: boolean,
): Promise<BookingOutcome> {
  if (await claimPlace(tx, slot, true)) {
    await tx.$executeRaw`UPDATE bookings SET status = 'BOOKED' WHERE id = ${bookingId}::uuid`;
    return { day: slot.day, unitId: slot.unitId, status: "BOOKED", already: false };
  }
  if (!waitingList) {
    await tx.$executeRaw`UPDATE bookings SET status = 'REFUSED', "refusalReason" = 'Complet' WHERE id = ${bookingId}::uuid`;
    return refused(slot.day, slot.unitId, "Complet : plus aucune place ce jour-là.");
  }
  const rows = await tx.$queryRaw<{ waitlistedAt: Date }[]>`
    UPDATE bookings SET status = 'WAITLISTED', "waitlistedAt" = clock_timestamp() WHERE id = ${bookingId}::uuid RETURNING "waitlistedAt"`;
  return {
    day: slot.day,
    unitId: slot.unitId,
    status: "WAITLISTED",
    already: false,
    position: await waitingPosition(tx, slot, rows[0]?.waitlistedAt ?? null),
  };
}

export async function waitingPosition(tx: Prisma.TransactionClient, slot: SlotKey, waitlistedAt: Date | null): Promise<number> {
  if (!waitlistedAt) return 1;
  const rows = await tx.$queryRaw<{ position: number }[]>`
    SELECT count(*)::int AS position FROM bookings
    WHERE "groupId" = ${slot.groupId}::uuid AND "unitId" = ${slot.unitId}::uuid AND "date" = ${slot.day}::date AND status = 'WAITLISTED' AND "waitlistedAt" <= ${waitlistedAt}`;
  return rows[0]?.position ?? 1;
}
