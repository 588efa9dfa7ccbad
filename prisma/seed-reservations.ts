/**
 * Reservations demo: the town's activities, and Claire DURAND's validated family (Léo, 8, and Jade, 4) enrolled in
 * the Wednesday ALSH (Léo, with Wednesdays booked), the school restaurant (Léo accepted, Jade's request waiting
 * for an agent) and the Christmas holiday session; the winter session opens soon, by lottery.
 */
import type { PrismaClient } from "../lib/generated/prisma/client";
import { demoParentWithChildren } from "../lib/platform/demo/accounts";
import { seedActivities } from "../lib/reservations/town-data";

export async function seedDemoReservations(prisma: PrismaClient, passwordHash: string, cguVersion: string): Promise<void> {
  await seedActivities(prisma);
  if (await prisma.account.findUnique({ where: { login: demoParentWithChildren.login } })) return;
  const now = new Date();
  const family = await prisma.family.create({ data: { dossierNumber: "F-2025-00017", status: "ACTIVE" } });
  const account = await prisma.account.create({
    data: {
      login: demoParentWithChildren.login,
      email: demoParentWithChildren.email,
      emailVerifiedAt: now,
      passwordHash,
      status: "ACTIVE",
      activatedAt: now,
      civility: "MADAME",
      usageName: "DURAND",
      firstNames: "Claire",
      addressLine: "12 Rue de la République 33560 Carbon-Blanc",
      postalCode: "33560",
      city: "Carbon-Blanc",
      mobile: "+33687654321",
      cguAcceptedAt: now,
      cguVersion,
      familyId: family.id,
    },
  });
  await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "HOLDER",
      accountId: account.id,
      civility: "MADAME",
      usageName: "DURAND",
      firstName: "Claire",
      birthDate: new Date("1986-06-14T00:00:00Z"),
      email: demoParentWithChildren.email,
    },
  });
  const leo = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CHILD",
      usageName: "DURAND",
      firstName: "Léo",
      sex: "MASCULIN",
      birthDate: new Date("2018-03-09T00:00:00Z"),
    },
  });
  const jade = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CHILD",
      usageName: "DURAND",
      firstName: "Jade",
      sex: "FEMININ",
      birthDate: new Date("2022-01-20T00:00:00Z"),
    },
  });

  const activities = await prisma.activity.findMany({
    where: { code: { in: ["alsh-mercredis", "alsh-vacances", "restauration"] } },
    include: { groups: true, periods: true, units: true },
  });
  const find = (code: string) => activities.find((activity) => activity.code === code)!;
  const groupOf = (code: string, child: "leo" | "jade") =>
    find(code).groups.find((group) => group.code === (child === "leo" ? "elementaire" : "maternelle"))!.id;
  const enrol = async (
    code: string,
    periodName: string | null,
    childId: string,
    child: "leo" | "jade",
    status: "ACCEPTED" | "REQUESTED",
  ) => {
    const period = find(code).periods.find((candidate) => periodName === null || candidate.name === periodName)!;
    if (status === "ACCEPTED") await prisma.activityPeriod.update({ where: { id: period.id }, data: { enrolledCount: { increment: 1 } } });
    return prisma.enrolment.create({
      data: {
        childId,
        familyId: family.id,
        activityId: find(code).id,
        periodId: period.id,
        groupId: groupOf(code, child),
        status,
        requestedById: account.id,
        decidedAt: status === "ACCEPTED" ? now : null,
      },
    });
  };
  const wednesdays = await enrol("alsh-mercredis", null, leo.id, "leo", "ACCEPTED");
  await enrol("restauration", null, leo.id, "leo", "ACCEPTED");
  await enrol("restauration", null, jade.id, "jade", "REQUESTED");
  await enrol("alsh-vacances", "Vacances de Noël 2026", leo.id, "leo", "ACCEPTED");
  await enrol("alsh-vacances", "Vacances de Noël 2026", jade.id, "jade", "ACCEPTED");

  // Léo's Wednesdays of January 2027 are booked (counters kept in step with the rows).
  const unit = find("alsh-mercredis").units.find((candidate) => candidate.kind === "JOURNEE")!;
  const groupId = groupOf("alsh-mercredis", "leo");
  for (const day of ["2027-01-06", "2027-01-13", "2027-01-20", "2027-01-27"]) {
    const date = new Date(`${day}T00:00:00Z`);
    await prisma.bookingSlot.upsert({
      where: { groupId_unitId_date: { groupId, unitId: unit.id, date } },
      update: { booked: { increment: 1 } },
      create: { groupId, unitId: unit.id, date, capacity: 36, booked: 1 },
    });
    await prisma.booking.create({
      data: {
        enrolmentId: wednesdays.id,
        childId: leo.id,
        familyId: family.id,
        activityId: find("alsh-mercredis").id,
        groupId,
        unitId: unit.id,
        date,
        status: "BOOKED",
        changedById: account.id,
      },
    });
  }
}
