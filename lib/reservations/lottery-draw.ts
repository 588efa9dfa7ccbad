import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db";
import { settle } from "./settle";
import { lotteryOrder } from "./rules/lottery";

/**
 * Draws a lottery period once its window has closed: records a random seed (the period row's update is the lock:
 * a second drawer finds it drawn and stops), then settles the requests in the order the seed gives, children
 * drawn first, each child's days in date order; requests that came after the window follow, first come first
 * served. Anyone can replay the order from the seed with `lotteryOrder`.
 */
export async function drawLottery(periodId: string, now = new Date(), seed = randomBytes(16).toString("hex")): Promise<{ drawn: boolean; seed: string | null }> {
  return db().$transaction(
    async (tx) => {
      const periods = await tx.$queryRaw<{ activityId: string; startDate: Date; endDate: Date; opensAt: Date | null; minutes: number; waitingList: boolean }[]>`
        UPDATE activity_periods p SET "lotterySeed" = ${seed}, "lotteryDrawnAt" = ${now}
        FROM activities a
        WHERE p.id = ${periodId}::uuid AND a.id = p."activityId" AND p."openingMode" = 'LOTTERY' AND p."lotteryDrawnAt" IS NULL
          AND (p."bookingOpensAt" IS NULL OR p."bookingOpensAt" + make_interval(mins => p."lotteryMinutes") <= ${now})
        RETURNING p."activityId"::text AS "activityId", p."startDate", p."endDate", p."bookingOpensAt" AS "opensAt", p."lotteryMinutes" AS minutes, a."waitingList" AS "waitingList"`;
      const period = periods[0];
      if (!period) return { drawn: false, seed: null };
      const requests = await tx.$queryRaw<{ id: string; childId: string; groupId: string; unitId: string; day: string; requestedAt: Date }[]>`
        SELECT id::text, "childId"::text AS "childId", "groupId"::text AS "groupId", "unitId"::text AS "unitId", to_char("date", 'YYYY-MM-DD') AS day, "requestedAt"
        FROM bookings WHERE "activityId" = ${period.activityId}::uuid AND status = 'REQUESTED' AND "date" BETWEEN ${period.startDate} AND ${period.endDate}
        ORDER BY "requestedAt", id FOR UPDATE`;
      const windowEnd = period.opensAt ? period.opensAt.getTime() + period.minutes * 60_000 : Number.POSITIVE_INFINITY;
      const inWindow = requests.filter((request) => request.requestedAt.getTime() < windowEnd);
      const rank = new Map(lotteryOrder(seed, inWindow.map((request) => request.childId)).map((childId, index) => [childId, index]));
      const ordered = [
        ...inWindow.sort((a, b) => rank.get(a.childId)! - rank.get(b.childId)! || a.day.localeCompare(b.day) || a.unitId.localeCompare(b.unitId)),
        ...requests.filter((request) => request.requestedAt.getTime() >= windowEnd),
      ];
      for (const request of ordered) {
        await settle(tx, { groupId: request.groupId, unitId: request.unitId, day: request.day }, request.id, period.waitingList);
      }
      return { drawn: true, seed };
    },
    { timeout: 120_000 },
  );
}
