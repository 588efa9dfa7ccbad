import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { acceptOffer, bookDays, cancelBooking, declareAbsence, swapBooking } from "@/lib/reservations/booking";
import { settleJobs } from "@/lib/reservations/jobs";
import { offerFreedPlaces } from "@/lib/reservations/offers";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { createTestActivity, createTestFamilies, enrolAll, slotInvariant, type TestFamily } from "../support/reservations";
import { testPrisma } from "../fixtures/db";

/**
 * Booking on a real database: capacity under concurrency, waiting list and offers, deadlines and opening,
 * idempotency, another family refused, an administrator changing the places.
 * The opening lottery is in reservations-booking-lottery.test.ts, enrolment in reservations-booking-enrolment.test.ts.
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
