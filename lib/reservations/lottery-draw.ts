import "server-only";
import { randomBytes } from "node:crypto";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { town } from "@/lib/platform/town";
import { settle } from "./settle";
import { isLotteryPriority, lotteryOrder, type LotteryPriority } from "./rules/lottery";

/**
 * Draws a lottery period once its window has closed: records a random seed (the period row's update is the lock:
 * a second drawer finds it drawn and stops), then settles the requests in the order the seed gives, children
 * drawn first, each child's days in date order; requests that came after the window follow, first come first
 * served. Anyone can replay the order from the seed with `lotteryOrder` and the tiers of the activity's priority rules,
 * both recorded in the audit log ("reservations.lottery-drawn": child ids and 0/1 per rule, no personal data).
 */
export async function drawLottery(
  periodId: string,
  now = new Date(),
  seed = randomBytes(16).toString("hex"),
): Promise<{ drawn: boolean; seed: string | null }> {
  return db().$transaction(
    async (tx) => {
      const periods = await tx.$queryRaw<
        {
          activityId: string;
          startDate: Date;
          endDate: Date;
          opensAt: Date | null;
          minutes: number;
          waitingList: boolean;
          priorities: string[] | null;
        }[]
      >`
        UPDATE activity_periods p SET "lotterySeed" = ${seed}, "lotteryDrawnAt" = ${now}
        FROM activities a
        WHERE p.id = ${periodId}::uuid AND a.id = p."activityId" AND p."openingMode" = 'LOTTERY' AND p."lotteryDrawnAt" IS NULL
          AND (p."bookingOpensAt" IS NULL OR p."bookingOpensAt" + make_interval(mins => p."lotteryMinutes") <= ${now})
        RETURNING p."activityId"::text AS "activityId", p."startDate", p."endDate", p."bookingOpensAt" AS "opensAt", p."lotteryMinutes" AS minutes, a."waitingList" AS "waitingList", a."lotteryPriorities" AS priorities`;
      const period = periods[0];
      if (!period) return { drawn: false, seed: null };
      const requests = await tx.$queryRaw<
        { id: string; childId: string; groupId: string; unitId: string; day: string; requestedAt: Date }[]
      >`
        SELECT id::text, "childId"::text AS "childId", "groupId"::text AS "groupId", "unitId"::text AS "unitId", to_char("date", 'YYYY-MM-DD') AS day, "requestedAt"
        FROM bookings WHERE "activityId" = ${period.activityId}::uuid AND status = 'REQUESTED' AND "date" BETWEEN ${period.startDate} AND ${period.endDate}
        ORDER BY "requestedAt", id FOR UPDATE`;
      const windowEnd = period.opensAt ? period.opensAt.getTime() + period.minutes * 60_000 : Number.POSITIVE_INFINITY;
      const inWindow = requests.filter((request) => request.requestedAt.getTime() < windowEnd);
      const priorities = (period.priorities ?? []).filter(isLotteryPriority);
      const tiers = await priorityTiers(tx, periodId, [...new Set(inWindow.map((request) => request.childId))], priorities);
      const rank = new Map(
        lotteryOrder(
          seed,
          inWindow.map((request) => request.childId),
          tiers,
        ).map((childId, index) => [childId, index]),
      );
      const ordered = [
        ...inWindow.sort(
          (a, b) => rank.get(a.childId)! - rank.get(b.childId)! || a.day.localeCompare(b.day) || a.unitId.localeCompare(b.unitId),
        ),
        ...requests.filter((request) => request.requestedAt.getTime() >= windowEnd),
      ];
      for (const request of ordered) {
        await settle(tx, { groupId: request.groupId, unitId: request.unitId, day: request.day }, request.id, period.waitingList);
      }
      await audit(
        {
          actorType: "SYSTEM",
          action: "reservations.lottery-drawn",
          targetType: "period",
          targetId: periodId,
          details: { seed, priorities, requests: inWindow.length, tiers: Object.fromEntries(tiers) },
        },
        tx,
      );
      return { drawn: true, seed };
    },
    { timeout: 120_000 },
  );
}

/**
 * For each child of the draw, 0/1 per priority rule, in the activity's order:
 * - RESIDENT: the family's holder lives at one of the town's postal codes;
 * - SIBLING: another child of the family is enrolled in this period (accepted) or asks in this draw;
 * - WORKING_PARENTS: every legal representative of the family has an employer or a profession on file.
 */
async function priorityTiers(
  tx: Prisma.TransactionClient,
  periodId: string,
  childIds: string[],
  priorities: LotteryPriority[],
): Promise<Map<string, number[]>> {
  if (priorities.length === 0 || childIds.length === 0) return new Map();
  const children = await tx.familyMember.findMany({ where: { id: { in: childIds } }, select: { id: true, familyId: true } });
  const familyIds = [...new Set(children.map((child) => child.familyId))];
  const [representatives, enrolled] = await Promise.all([
    tx.familyMember.findMany({
      where: { familyId: { in: familyIds }, role: { in: ["HOLDER", "CO_REPRESENTATIVE"] } },
      select: { familyId: true, role: true, postalCode: true, employer: true, profession: true },
    }),
    tx.enrolment.findMany({
      where: { periodId, familyId: { in: familyIds }, status: "ACCEPTED" },
      select: { familyId: true, childId: true },
    }),
  ]);
  const postalCodes = new Set(town().postalCodes);
  const resident = new Set(
    representatives
      .filter((person) => person.role === "HOLDER" && postalCodes.has((person.postalCode ?? "").trim()))
      .map((person) => person.familyId),
  );
  const working = new Set(
    familyIds.filter((familyId) => {
      const people = representatives.filter((person) => person.familyId === familyId);
      return people.length > 0 && people.every((person) => Boolean(person.employer?.trim() || person.profession?.trim()));
    }),
  );
  const childrenOfFamily = new Map<string, Set<string>>();
  for (const { familyId, childId } of [...enrolled, ...children.map((child) => ({ familyId: child.familyId, childId: child.id }))]) {
    childrenOfFamily.set(familyId, (childrenOfFamily.get(familyId) ?? new Set()).add(childId));
  }
  const meets = (rule: LotteryPriority, child: { id: string; familyId: string }) =>
    rule === "RESIDENT"
      ? resident.has(child.familyId)
      : rule === "WORKING_PARENTS"
        ? working.has(child.familyId)
        : (childrenOfFamily.get(child.familyId)?.size ?? 0) > 1;
  return new Map(children.map((child) => [child.id, priorities.map((rule) => (meets(rule, child) ? 1 : 0))]));
}
