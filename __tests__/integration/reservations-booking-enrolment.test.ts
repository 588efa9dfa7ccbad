import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { decideEnrolment, requestEnrolment } from "@/lib/reservations/enrolment";
import { settleJobs } from "@/lib/reservations/jobs";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { createTestActivity, createTestFamilies, type TestFamily } from "../support/reservations";
import { testPrisma } from "../fixtures/db";

/**
 * Enrolment on a real database (what opens the bookings): automatic acceptance while places last, the
 * waiting list, the child's file and ages required, and staff decisions.
 */
const prisma = testPrisma();
const NOW = new Date("2027-01-20T10:00:00Z");
const parent = (family: TestFamily) => ({ kind: "parent" as const, accountId: family.accountId, familyId: family.familyId });

afterAll(async () => {
  await settleJobs();
  await prisma.$disconnect();
  await db().$disconnect();
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
