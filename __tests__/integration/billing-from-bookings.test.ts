import { randomUUID } from "node:crypto";
import { computeDraft } from "@/lib/billing";
import { db } from "@/lib/platform/db";
import { billingFamily, billingStaff } from "../support/billing";
import { createTestActivity } from "../support/reservations";
import { testPrisma } from "../fixtures/db";

/**
 * A billing run computed from the reservations tables themselves (the collector, not hand-made items): each way a
 * booking can end (present, absent, excused, cancelled in time or late, walk-in, attendance not recorded) gives
 * the line, or the absence of a line, the issue asks for, and the invoice reconciles with its lines to the cent.
 */
const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

it("bills a month of real bookings by what happened each day", async () => {
  const staff = await billingStaff(prisma);
  const parent = await billingFamily(prisma, { quotient: 700 });
  // October 2026: a month no other test bills for this régie (the database is shared by the run).
  const activity = await createTestActivity(prisma, { capacity: 10, startDate: "2026-10-01", endDate: "2026-10-31", kind: "SCHOOL_YEAR" });
  const child = parent.children.lea;
  const enrolment = await prisma.enrolment.create({
    data: {
      childId: child.id,
      familyId: parent.family.id,
      activityId: activity.activityId,
      periodId: activity.periodId,
      groupId: activity.groupId,
      status: "ACCEPTED",
    },
  });
  const book = (day: string, data: Record<string, unknown>) =>
    prisma.booking.create({
      data: {
        id: randomUUID(),
        enrolmentId: enrolment.id,
        childId: child.id,
        familyId: parent.family.id,
        activityId: activity.activityId,
        groupId: activity.groupId,
        unitId: activity.unitId,
        date: new Date(`${day}T00:00:00Z`),
        status: "BOOKED",
        ...data,
      },
    });
  const present = await book("2026-10-05", { attendance: "PRESENT" });
  const late = await book("2026-10-06", { attendance: "LATE", attendanceTime: "09:10" });
  const absent = await book("2026-10-07", { attendance: "ABSENT" });
  const excused = await book("2026-10-08", { attendance: "ABSENT_EXCUSED", absenceJustified: true });
  const cancelledInTime = await book("2026-10-09", { status: "CANCELLED", cancelledAt: new Date("2026-10-01T08:00:00Z") });
  const cancelledLate = await book("2026-10-12", {
    status: "CANCELLED",
    cancelledAt: new Date("2026-10-12T07:00:00Z"),
    cancelledLate: true,
  });
  const walkIn = await book("2026-10-13", { status: "WALK_IN", walkIn: true, attendance: "PRESENT" });
  const notRecorded = await book("2026-10-14", {});
  const waiting = await book("2026-10-15", { status: "WAITLISTED", waitlistedAt: new Date("2026-10-01T08:00:00Z") });

  const draft = await computeDraft(staff, "ENF", "2026-10");
  const invoice = await prisma.invoice.findFirstOrThrow({
    where: { runId: draft.runId, familyId: parent.family.id },
    include: { lines: true },
  });
  const bySource = new Map(invoice.lines.map((line) => [line.sourceId, line]));
  expect(bySource.get(present.id)?.state).toBe("PRESENT");
  expect(bySource.get(late.id)?.state).toBe("PRESENT");
  expect(bySource.get(absent.id)?.state).toBe("ABSENT_UNJUSTIFIED");
  expect(bySource.get(excused.id)).toMatchObject({ state: "ABSENT_JUSTIFIED", amountCents: 0 });
  expect(bySource.has(cancelledInTime.id)).toBe(false);
  expect(bySource.get(cancelledLate.id)?.state).toBe("LATE_CANCELLATION");
  expect(bySource.get(walkIn.id)?.state).toBe("WALK_IN");
  expect(bySource.get(notRecorded.id)).toMatchObject({ state: "PRESENT", warning: expect.stringMatching(/Pointage non saisi/) });
  expect(bySource.has(waiting.id)).toBe(false);
  expect(invoice.lines).toHaveLength(7);

  // A day billed present costs the same as an unjustified absence; every amount is whole cents and adds up.
  const presentCents = bySource.get(present.id)!.amountCents;
  expect(presentCents).toBeGreaterThan(0);
  expect(bySource.get(absent.id)!.amountCents).toBe(presentCents);
  expect(invoice.lines.every((line) => Number.isInteger(line.amountCents))).toBe(true);
  expect(invoice.amountCents).toBe(invoice.lines.reduce((sum, line) => sum + line.amountCents, 0));
  expect(invoice.quotientValue).toBe(700);
  expect(draft.warnings).toBeGreaterThanOrEqual(1);
});
