import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { acceptOffer, bookDays, cancelBooking, declareAbsence, swapBooking } from "@/lib/reservations/booking";
import { decideEnrolment, requestEnrolment } from "@/lib/reservations/enrolment";
import { settleJobs } from "@/lib/reservations/jobs";
import { drawLottery } from "@/lib/reservations/lottery-draw";
import { offerFreedPlaces } from "@/lib/reservations/offers";
import { lotteryOrder } from "@/lib/reservations/rules/lottery";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { createTestActivity, createTestFamilies, enrolAll, slotInvariant, type TestFamily } from "../support/reservations";
import { testPrisma } from "../fixtures/db";

/**
 * Booking on a real database: capacity under concurrency, waiting list and offers, deadlines and opening,
 * idempotency, another family refused, the lottery, enrolment decisions.
 */
const prisma = testPrisma();
const NOW = new Date("2027-01-20T10:00:00Z");
const DAY = "2027-02-16";
const parent = (family: TestFamily) => ({ kind: "parent" as const, accountId: family.accountId, familyId: family.familyId });

afterAll(async () => {
  await settleJobs();
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("booking a day", () => {
  it("books once however many times the parent taps", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5 });
    const [family] = await createTestFamilies(prisma, 1);
    await enrolAll(prisma, activity, [family!]);
    const request = { childId: family!.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] };
    const answers = await Promise.all([
      bookDays(parent(family!), request, NOW),
      bookDays(parent(family!), request, NOW),
      bookDays(parent(family!), request, NOW),
    ]);
    expect(answers.map((answer) => answer[0]?.status)).toEqual(["BOOKED", "BOOKED", "BOOKED"]);
    expect(answers.filter((answer) => answer[0]?.status === "BOOKED" && !answer[0].already)).toHaveLength(1);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 1, rowsHoldingPlaces: 1 });
  });

  it("never goes past capacity when 40 children race for 5 places; the others wait", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5 });
    const families = await createTestFamilies(prisma, 40);
    await enrolAll(prisma, activity, families);
    const answers = (
      await Promise.all(
        families.map((family) =>
          bookDays(
            parent(family),
            { childId: family.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
            NOW,
          ),
        ),
      )
    ).flat();
    expect(answers.filter((answer) => answer.status === "BOOKED")).toHaveLength(5);
    const waiting = answers.filter((answer) => answer.status === "WAITLISTED");
    expect(waiting).toHaveLength(35);
    // The position told at once counts the requests already committed; the stored order is strict (time of the request).
    expect(waiting.every((answer) => "position" in answer && answer.position! >= 1 && answer.position! <= 35)).toBe(true);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 5, capacity: 5, rowsHoldingPlaces: 5 });
  });

  it("refuses with a reason: closed day, past the deadline, before the opening, not enrolled", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5, opensAt: new Date("2027-01-10T07:30:00Z") });
    const [family, notEnrolled] = await createTestFamilies(prisma, 2);
    await enrolAll(prisma, activity, [family!]);
    const book = (who: TestFamily, day: string, now: Date) =>
      bookDays(parent(who), { childId: who.childIds[0]!, activityId: activity.activityId, items: [{ day, unitId: activity.unitId }] }, now);
    expect((await book(family!, "2027-02-20", NOW))[0]).toMatchObject({
      status: "REFUSED",
      reason: "Fermé ce jour-là : Pas d'accueil ce jour-là.",
    });
    // J-2 working days at 10:00: Tuesday 16 February closes on Friday 12 at 10:00 (Paris, 09:00 UTC).
    expect((await book(family!, DAY, new Date("2027-02-12T09:00:00Z")))[0]).toMatchObject({
      status: "REFUSED",
      reason: "Hors délai : les réservations pour ce jour étaient possibles jusqu'au vendredi 12 février 2027 à 10 h 00.",
    });
    expect((await book(family!, DAY, new Date("2027-01-09T12:00:00Z")))[0]).toMatchObject({
      status: "REFUSED",
      reason: "Les réservations ouvrent le dimanche 10 janvier 2027 à 8 h 30.",
    });
    expect((await book(notEnrolled!, DAY, NOW))[0]?.status).toBe("REFUSED");
    // Staff book past the deadline for a family (never past capacity).
    const staff = { kind: "staff" as const, staffId: randomUUID(), reason: "Demande au guichet" };
    expect(
      (
        await bookDays(
          staff,
          { childId: family!.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
          new Date("2027-02-15T12:00:00Z"),
        )
      )[0]?.status,
    ).toBe("BOOKED");
  });

  it("refuses another family's child and another family's booking", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5 });
    const [family, other] = await createTestFamilies(prisma, 2);
    await enrolAll(prisma, activity, [family!, other!]);
    await expect(
      bookDays(
        parent(other!),
        { childId: family!.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
        NOW,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await bookDays(
      parent(family!),
      { childId: family!.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
      NOW,
    );
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: family!.childIds[0]! } });
    expect(await cancelBooking(parent(other!), booking.id, NOW)).toEqual({ ok: false, reason: "Réservation introuvable." });
    expect(await declareAbsence({ ...parent(other!) }, booking.id, null, NOW)).toMatchObject({ ok: false });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("BOOKED");
  });
});

describe("cancelling, the waiting list and offers", () => {
  it("offers a freed place to the first family waiting, which accepts it; an offer not taken in time goes to the next", async () => {
    const activity = await createTestActivity(prisma, { capacity: 1, offerHours: 24 });
    const [first, second, third] = await createTestFamilies(prisma, 3);
    await enrolAll(prisma, activity, [first!, second!, third!]);
    for (const family of [first!, second!, third!])
      await bookDays(
        parent(family),
        { childId: family.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
        NOW,
      );
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: first!.childIds[0]! } });
    expect(await cancelBooking(parent(first!), booking.id, NOW)).toEqual({ ok: true, late: false });
    await settleJobs();
    // The job runs with the real clock (before the day): the second family holds the place.
    const offered = await prisma.booking.findFirstOrThrow({ where: { childId: second!.childIds[0]! } });
    expect(offered.status).toBe("OFFERED");
    expect(await prisma.notification.count({ where: { accountId: second!.accountId, title: "Une place s'est libérée" } })).toBe(1);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 1, rowsHoldingPlaces: 1 });
    // Not accepted in time: it goes to the third family.
    const later = new Date(offered.offerExpiresAt!.getTime() + 1000);
    expect(await acceptOffer(parent(second!), offered.id, later)).toMatchObject({ ok: false });
    const next = await offerFreedPlaces({ groupId: activity.groupId, unitId: activity.unitId, day: DAY }, later);
    expect(next.expired).toEqual([offered.id]);
    const thirdBooking = await prisma.booking.findFirstOrThrow({ where: { childId: third!.childIds[0]! } });
    expect(next.offered).toEqual([thirdBooking.id]);
    expect(await acceptOffer(parent(second!), thirdBooking.id, later)).toMatchObject({ ok: false });
    expect(await acceptOffer(parent(third!), thirdBooking.id, later)).toEqual({ ok: true });
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({
      booked: 1,
      rowsHoldingPlaces: 1,
      byStatus: { BOOKED: 1, CANCELLED: 2 },
    });
  });

  it("past the cancellation deadline: the parent declares an absence; staff cancel with a reason, recorded as late", async () => {
    const activity = await createTestActivity(prisma, { capacity: 3 });
    const [family] = await createTestFamilies(prisma, 1);
    await enrolAll(prisma, activity, [family!]);
    await bookDays(
      parent(family!),
      { childId: family!.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
      NOW,
    );
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: family!.childIds[0]! } });
    const late = new Date("2027-02-15T08:00:00Z");
    expect(await cancelBooking(parent(family!), booking.id, late)).toMatchObject({ ok: false });
    expect(await declareAbsence(parent(family!), booking.id, null, late)).toEqual({ ok: true });
    expect(await cancelBooking({ kind: "staff", staffId: randomUUID(), reason: "" }, booking.id, late)).toEqual({
      ok: false,
      reason: "Indiquez le motif de l'annulation hors délai.",
    });
    expect(await cancelBooking({ kind: "staff", staffId: randomUUID(), reason: "Hospitalisation" }, booking.id, late)).toEqual({
      ok: true,
      late: true,
    });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({
      status: "CANCELLED",
      cancelledLate: true,
      changedByType: "STAFF",
      staffReason: "Hospitalisation",
    });
    await settleJobs();
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 0 });
  });

  it("swaps one day for another in one step, and leaves the old day when the new one is full", async () => {
    const activity = await createTestActivity(prisma, { capacity: 1 });
    const [family, other] = await createTestFamilies(prisma, 2);
    await enrolAll(prisma, activity, [family!, other!]);
    const child = family!.childIds[0]!;
    await bookDays(
      parent(family!),
      { childId: child, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
      NOW,
    );
    await bookDays(
      parent(other!),
      { childId: other!.childIds[0]!, activityId: activity.activityId, items: [{ day: "2027-02-18", unitId: activity.unitId }] },
      NOW,
    );
    const booking = await prisma.booking.findFirstOrThrow({ where: { childId: child, status: "BOOKED" } });
    expect(await swapBooking(parent(family!), { bookingId: booking.id, day: "2027-02-18", unitId: activity.unitId }, NOW)).toMatchObject({
      ok: false,
    });
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("BOOKED");
    expect(await swapBooking(parent(family!), { bookingId: booking.id, day: "2027-02-17", unitId: activity.unitId }, NOW)).toEqual({
      ok: true,
    });
    const rows = await prisma.booking.findMany({ where: { childId: child }, orderBy: { date: "asc" } });
    expect(rows.map((row) => [row.date.toISOString().slice(0, 10), row.status])).toEqual([
      ["2027-02-16", "CANCELLED"],
      ["2027-02-17", "BOOKED"],
      ["2027-02-18", "CANCELLED"],
    ]);
    await settleJobs();
  });
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

describe("enrolment", () => {
  it("accepts automatically while places last, then puts on the waiting list with a position", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5, enrolmentCapacity: 1, endDate: "2027-12-31" });
    const [first, second] = await createTestFamilies(prisma, 2);
    expect(await requestEnrolment(parent(first!), { childId: first!.childIds[0]!, periodId: activity.periodId }, NOW)).toEqual({
      ok: true,
      status: "ACCEPTED",
    });
    expect(await requestEnrolment(parent(first!), { childId: first!.childIds[0]!, periodId: activity.periodId }, NOW)).toEqual({
      ok: true,
      status: "ACCEPTED",
    });
    expect(await requestEnrolment(parent(second!), { childId: second!.childIds[0]!, periodId: activity.periodId }, NOW)).toEqual({
      ok: true,
      status: "WAITLISTED",
      position: 1,
    });
    await expect(
      requestEnrolment(parent(second!), { childId: first!.childIds[0]!, periodId: activity.periodId }, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses, with the reason, a child whose file is missing when the activity requires the child's file", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5, endDate: "2027-12-31" });
    await prisma.activity.update({
      where: { id: activity.activityId },
      data: { requiresChildFile: true, requiredAuthorisations: ["soins-urgence"] },
    });
    const [family] = await createTestFamilies(prisma, 1);
    expect(await requestEnrolment(parent(family!), { childId: family!.childIds[0]!, periodId: activity.periodId }, NOW)).toEqual({
      ok: false,
      reasons: ["Fiche sanitaire et de liaison : à remplir", expect.stringContaining("autorisation à renseigner")],
    });
    expect(await prisma.enrolment.count({ where: { childId: family!.childIds[0]! } })).toBe(0);
  });

  it("leaves the decision to staff: refusal needs a reason the family reads; acceptance opens the bookings", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5, validation: "STAFF", endDate: "2027-12-31" });
    const [family] = await createTestFamilies(prisma, 1, 2);
    const staff = await prisma.staffUser.create({
      data: {
        login: `resa.${randomUUID().slice(0, 8)}`,
        email: `resa.${randomUUID().slice(0, 8)}@example.org`,
        displayName: "Agent",
        passwordHash: "x",
      },
    });
    const actor = { id: staff.id, login: staff.login, displayName: staff.displayName, role: staff.role };
    const [a, b] = family!.childIds;
    expect(await requestEnrolment(parent(family!), { childId: a!, periodId: activity.periodId }, NOW)).toEqual({
      ok: true,
      status: "REQUESTED",
    });
    await requestEnrolment(parent(family!), { childId: b!, periodId: activity.periodId }, NOW);
    const [first, second] = await prisma.enrolment.findMany({ where: { familyId: family!.familyId }, orderBy: { childId: "asc" } });
    expect(await decideEnrolment(actor, { enrolmentId: first!.id, decision: "refuse" })).toMatchObject({ ok: false });
    expect(await decideEnrolment(actor, { enrolmentId: first!.id, decision: "refuse", reason: "Dossier incomplet" })).toEqual({
      ok: true,
      status: "REFUSED",
    });
    const [one, two] = await Promise.all([
      decideEnrolment(actor, { enrolmentId: second!.id, decision: "accept" }),
      decideEnrolment(actor, { enrolmentId: second!.id, decision: "accept" }),
    ]);
    expect([one, two].filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(
      await prisma.notification.count({ where: { accountId: family!.accountId, title: "Réponse à votre demande d'inscription" } }),
    ).toBe(2);
    expect(await prisma.auditLog.count({ where: { actorId: staff.id, action: { startsWith: "enrolment." } } })).toBe(2);
  });

  it("refuses a child outside the ages with a plain reason", async () => {
    const activity = await createTestActivity(prisma, { capacity: 5, endDate: "2027-12-31" });
    const [family] = await createTestFamilies(prisma, 1);
    await prisma.familyMember.update({ where: { id: family!.childIds[0]! }, data: { birthDate: new Date("2025-01-01T00:00:00Z") } });
    expect(await requestEnrolment(parent(family!), { childId: family!.childIds[0]!, periodId: activity.periodId }, NOW)).toEqual({
      ok: false,
      reasons: ["Activité ouverte à partir de 3 ans (l'enfant aura 2 ans au début de la période)."],
    });
  });
});

describe("an administrator changes the places", () => {
  const staffRow = async (role: "AGENT" | "ADMINISTRATOR") => {
    const suffix = randomUUID().slice(0, 8);
    const row = await prisma.staffUser.create({
      data: {
        login: `places.${suffix}`,
        email: `places.${suffix}@example.org`,
        displayName: `Places ${suffix}`,
        passwordHash: "x",
        role,
        totpEnabledAt: new Date(),
      },
    });
    return { kind: "staff" as const, id: row.id };
  };

  it("applies them to the days to come without removing a booking, offers new places to the waiting list first, and never lets a slot go past them", async () => {
    const { updateCapacities } = await import("@/lib/reservations/staff");
    const [admin, agent] = [await staffRow("ADMINISTRATOR"), await staffRow("AGENT")];
    const activity = await createTestActivity(prisma, { capacity: 3 });
    const other = await createTestActivity(prisma, { capacity: 3 });
    const families = await createTestFamilies(prisma, 8);
    await enrolAll(prisma, activity, families);
    const book = (family: TestFamily) =>
      bookDays(
        parent(family),
        { childId: family.childIds[0]!, activityId: activity.activityId, items: [{ day: DAY, unitId: activity.unitId }] },
        NOW,
      );
    for (const family of families.slice(0, 5)) await book(family);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 3, capacity: 3, byStatus: { BOOKED: 3, WAITLISTED: 2 } });
    const key = { groupId: activity.groupId, unitId: activity.unitId };

    await expect(updateCapacities(agent, activity.activityId, [{ ...key, capacity: 10 }])).rejects.toBeInstanceOf(ForbiddenError);
    // A group and unit of another activity, sent with this one's id, change nothing.
    await updateCapacities(admin, activity.activityId, [{ groupId: other.groupId, unitId: other.unitId, capacity: 50 }]);
    expect(
      (await prisma.groupCapacity.findUniqueOrThrow({ where: { groupId_unitId: { groupId: other.groupId, unitId: other.unitId } } }))
        .capacity,
    ).toBe(3);

    // One more place: a booking racing the change never takes it before the waiting list.
    const [, raced] = await Promise.all([updateCapacities(admin, activity.activityId, [{ ...key, capacity: 4 }]), book(families[5]!)]);
    expect(raced[0]?.status).toBe("WAITLISTED");
    expect((await offerFreedPlaces({ ...key, day: DAY })).offered).toHaveLength(1);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 4, capacity: 4, rowsHoldingPlaces: 4 });

    // Fewer places than booked: the day keeps its bookings (and says so), the days to come get the new number.
    const { capped } = await updateCapacities(admin, activity.activityId, [{ ...key, capacity: 1 }]);
    expect(capped).toEqual([{ day: DAY, ...key, booked: 4 }]);
    expect(await slotInvariant(prisma, activity, DAY)).toMatchObject({ booked: 4, capacity: 4 });
    expect((await prisma.groupCapacity.findUniqueOrThrow({ where: { groupId_unitId: key } })).capacity).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "reservations.capacities-updated", actorId: admin.id } })).toBe(3);
  });
});
