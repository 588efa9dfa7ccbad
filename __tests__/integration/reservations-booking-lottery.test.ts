import { db } from "@/lib/platform/db";
import { bookDays } from "@/lib/reservations/booking";
import { settleJobs } from "@/lib/reservations/jobs";
import { drawLottery } from "@/lib/reservations/lottery-draw";
import { lotteryOrder } from "@/lib/reservations/rules/lottery";
import { createTestActivity, createTestFamilies, enrolAll, slotInvariant, type TestFamily } from "../support/reservations";
import { testPrisma } from "../fixtures/db";

/**
 * The opening lottery on a real database: the draw in the recorded seed's order, priority tiers replayable
 * from the audit log, and the draw triggered by the first request after the window.
 */
const prisma = testPrisma();
const DAY = "2027-02-16";
const parent = (family: TestFamily) => ({ kind: "parent" as const, accountId: family.accountId, familyId: family.familyId });

afterAll(async () => {
  await settleJobs();
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("the opening lottery", () => {
  it("draws the requests of the window in the order the recorded seed gives, once", async () => {
    const opensAt = new Date("2027-01-18T07:30:00Z");
    const activity = await createTestActivity(prisma, { capacity: 3, opensAt, lottery: 10 });
    const families = await createTestFamilies(prisma, 10);
    await enrolAll(prisma, activity, families);
    const inWindow = new Date(opensAt.getTime() + 60_000);
    const answers = (
      await Promise.all(
        families.map((family) =>
          bookDays(
            parent(family),
            { childId: family.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
            inWindow,
          ),
        ),
      )
    ).flat();
    expect(answers.every((answer) => answer.status === "REQUESTED")).toBe(true);
    expect((await drawLottery(activity.periodId, new Date(opensAt.getTime() + 5 * 60_000), "too-early")).drawn).toBe(false);
    const draw = await drawLottery(activity.periodId, new Date(opensAt.getTime() + 11 * 60_000), "seed-of-the-test");
    expect(draw).toEqual({ drawn: true, seed: "seed-of-the-test" });
    expect((await drawLottery(activity.periodId, new Date(opensAt.getTime() + 12 * 60_000))).drawn).toBe(false);
    const booked = await prisma.booking.findMany({
      where: { activityId: activity.activityId, status: "BOOKED" },
      select: { childId: true },
    });
    const expected = lotteryOrder(
      "seed-of-the-test",
      families.map((family) => family.childIds[0]!),
    ).slice(0, 3);
    expect(booked.map((row) => row.childId).sort()).toEqual([...expected].sort());
    expect((await prisma.activityPeriod.findUniqueOrThrow({ where: { id: activity.periodId } })).lotterySeed).toBe("seed-of-the-test");
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 3, byStatus: { BOOKED: 3, WAITLISTED: 7 } });
  });
});

describe("the opening lottery with priority rules", () => {
  it("draws the residents whose parents work first, then the other residents, in the seed's order within each tier", async () => {
    const opensAt = new Date("2027-01-18T07:30:00Z");
    const activity = await createTestActivity(prisma, { capacity: 3, opensAt, lottery: 10 });
    await prisma.activity.update({ where: { id: activity.activityId }, data: { lotteryPriorities: ["RESIDENT", "WORKING_PARENTS"] } });
    const families = await createTestFamilies(prisma, 10);
    await enrolAll(prisma, activity, families);
    // 0-3: resident, working; 4-6: resident, not working; 7-9: elsewhere, working.
    await prisma.familyMember.createMany({
      data: families.map((family, index) => ({
        familyId: family.familyId,
        role: "HOLDER" as const,
        usageName: "RESA",
        firstName: "Claire",
        postalCode: index < 7 ? "33560" : "33000",
        employer: index < 4 || index >= 7 ? "Mairie" : null,
      })),
    });
    const inWindow = new Date(opensAt.getTime() + 60_000);
    await Promise.all(
      families.map((family) =>
        bookDays(
          parent(family),
          { childId: family.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
          inWindow,
        ),
      ),
    );
    await drawLottery(activity.periodId, new Date(opensAt.getTime() + 11 * 60_000), "seed-with-priorities");

    const booked = (
      await prisma.booking.findMany({ where: { activityId: activity.activityId, status: "BOOKED" }, select: { childId: true } })
    ).map((row) => row.childId);
    const firstTier = families.slice(0, 4).map((family) => family.childIds[0]!);
    expect(booked).toHaveLength(3);
    expect(booked.every((childId) => firstTier.includes(childId))).toBe(true);
    // Replayable from what the audit log recorded: the seed and each child's tiers.
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "reservations.lottery-drawn", targetId: activity.periodId } });
    const details = entry.details as { seed: string; priorities: string[]; tiers: Record<string, number[]> };
    expect(details.priorities).toEqual(["RESIDENT", "WORKING_PARENTS"]);
    expect(details.tiers[families[5]!.childIds[0]!]).toEqual([1, 0]);
    expect(details.tiers[families[8]!.childIds[0]!]).toEqual([0, 1]);
    const replay = lotteryOrder(
      details.seed,
      families.map((family) => family.childIds[0]!),
      new Map(Object.entries(details.tiers)),
    );
    expect(replay.slice(0, 3).sort()).toEqual([...booked].sort());
    expect(families.slice(4, 7).map((family) => family.childIds[0]!)).toContain(replay[4]);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 3, byStatus: { BOOKED: 3, WAITLISTED: 7 } });
  });
});

describe("the opening lottery, drawn by the first request after its window", () => {
  it("draws before booking the late request, which then waits its turn", async () => {
    const opensAt = new Date("2027-01-18T07:30:00Z");
    const activity = await createTestActivity(prisma, { capacity: 1, opensAt, lottery: 10 });
    const families = await createTestFamilies(prisma, 3);
    await enrolAll(prisma, activity, families);
    const book = (family: TestFamily, now: Date) =>
      bookDays(
        parent(family),
        { childId: family.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
        now,
      );
    expect((await book(families[0]!, new Date(opensAt.getTime() + 60_000)))[0]?.status).toBe("REQUESTED");
    expect((await book(families[1]!, new Date(opensAt.getTime() + 120_000)))[0]?.status).toBe("REQUESTED");
    expect((await book(families[2]!, new Date(opensAt.getTime() + 20 * 60_000)))[0]?.status).toBe("WAITLISTED");
    const period = await prisma.activityPeriod.findUniqueOrThrow({ where: { id: activity.periodId } });
    expect(period.lotterySeed).toMatch(/^[0-9a-f]{32}$/);
    const winner = lotteryOrder(period.lotterySeed!, [families[0]!.childIds[0]!, families[1]!.childIds[0]!])[0];
    expect((await prisma.booking.findFirstOrThrow({ where: { activityId: activity.activityId, status: "BOOKED" } })).childId).toBe(winner);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 1, byStatus: { BOOKED: 1, WAITLISTED: 2 } });
  });
});
