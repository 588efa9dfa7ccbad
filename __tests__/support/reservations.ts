import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Town data and families for the reservations tests, written straight into the run's database (integration,
 * rush and browser tests share it). Every call makes fresh rows (unique codes), so tests never see each other's.
 */
export interface TestActivity {
  activityId: string;
  periodId: string;
  unitId: string;
  secondUnitId: string;
  groupId: string;
}

export async function createTestActivity(
  prisma: PrismaClient,
  options: {
    capacity: number;
    validation?: "AUTOMATIC" | "STAFF";
    startDate?: string;
    endDate?: string;
    weekdays?: number[];
    kind?: "SCHOOL_YEAR" | "HOLIDAY_SESSION";
    opensAt?: Date | null;
    lottery?: number;
    waitingList?: boolean;
    offerHours?: number;
    enrolmentCapacity?: number | null;
  },
): Promise<TestActivity> {
  const code = `T-${randomUUID().slice(0, 8)}`;
  const service = await prisma.service.upsert({
    where: { code: "ALSH" },
    update: {},
    create: { code: "ALSH", kind: "ALSH", name: "Accueil de loisirs (ALSH)" },
  });
  const activity = await prisma.activity.create({
    data: {
      code,
      serviceId: service.id,
      name: `Accueil de loisirs ${code}`,
      description: "Activité de test",
      minAge: 3,
      maxAge: 11,
      validation: options.validation ?? "AUTOMATIC",
      waitingList: options.waitingList ?? true,
      offerHours: options.offerHours ?? 24,
      units: {
        create: [
          { kind: "JOURNEE", label: "Journée", startTime: "08:30", endTime: "17:30", position: 0 },
          { kind: "DEMI_JOURNEE", label: "Demi-journée", startTime: "08:30", endTime: "12:00", position: 1 },
        ],
      },
      groups: { create: [{ code: "tous", name: "Tous", minAge: 3, maxAge: 11 }] },
      periods: {
        create: {
          kind: options.kind ?? "HOLIDAY_SESSION",
          name: "Vacances d'hiver 2027",
          startDate: new Date(`${options.startDate ?? "2027-02-15"}T00:00:00Z`),
          endDate: new Date(`${options.endDate ?? "2027-02-26"}T00:00:00Z`),
          weekdays: options.weekdays ?? [1, 2, 3, 4, 5],
          bookingOpensAt: options.opensAt ?? null,
          openingMode: options.lottery ? "LOTTERY" : "FIRST_COME",
          lotteryMinutes: options.lottery ?? 0,
          enrolmentCapacity: options.enrolmentCapacity ?? null,
        },
      },
    },
    include: { units: { orderBy: { position: "asc" } }, groups: true, periods: true },
  });
  const [unit, secondUnit] = activity.units;
  const group = activity.groups[0]!;
  await prisma.groupCapacity.createMany({
    data: activity.units.map((candidate) => ({ groupId: group.id, unitId: candidate.id, capacity: options.capacity })),
  });
  return { activityId: activity.id, periodId: activity.periods[0]!.id, unitId: unit!.id, secondUnitId: secondUnit!.id, groupId: group.id };
}

export interface TestFamily {
  familyId: string;
  accountId: string;
  childIds: string[];
}

/** `count` validated families with an active account each and `children` children aged 7. */
export async function createTestFamilies(prisma: PrismaClient, count: number, children = 1): Promise<TestFamily[]> {
  const run = randomUUID().slice(0, 8);
  const families = Array.from({ length: count }, (_, index) => ({
    familyId: randomUUID(),
    accountId: randomUUID(),
    childIds: Array.from({ length: children }, () => randomUUID()),
    index,
  }));
  await prisma.family.createMany({
    data: families.map((family) => ({ id: family.familyId, dossierNumber: `F-T${run}-${family.index}`, status: "ACTIVE" as const })),
  });
  await prisma.account.createMany({
    data: families.map((family) => ({
      id: family.accountId,
      login: `resa.${run}.${family.index}`,
      email: `resa.${run}.${family.index}@example.org`,
      emailVerifiedAt: new Date(),
      passwordHash: "unused",
      status: "ACTIVE" as const,
      activatedAt: new Date(),
      civility: "MADAME" as const,
      usageName: "RESA",
      firstNames: "Claire",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
      familyId: family.familyId,
    })),
  });
  await prisma.familyMember.createMany({
    data: families.flatMap((family) =>
      family.childIds.map((childId, index) => ({
        id: childId,
        familyId: family.familyId,
        role: "CHILD" as const,
        usageName: "RESA",
        firstName: `Enfant${index + 1}`,
        birthDate: new Date("2019-05-10T00:00:00Z"),
      })),
    ),
  });
  return families.map(({ familyId, accountId, childIds }) => ({ familyId, accountId, childIds }));
}

/** Accepted enrolments for every child, straight in the table (the enrolment rules have their own tests). */
export async function enrolAll(prisma: PrismaClient, activity: TestActivity, families: TestFamily[]): Promise<void> {
  await prisma.enrolment.createMany({
    data: families.flatMap((family) =>
      family.childIds.map((childId) => ({
        childId,
        familyId: family.familyId,
        activityId: activity.activityId,
        periodId: activity.periodId,
        groupId: activity.groupId,
        status: "ACCEPTED" as const,
      })),
    ),
  });
}

/** The invariant of the counters: booked = BOOKED + OFFERED rows, never above capacity. */
export async function slotInvariant(prisma: PrismaClient, activity: TestActivity, day: string, unitId = activity.unitId) {
  const slot = await prisma.bookingSlot.findUnique({
    where: { groupId_unitId_date: { groupId: activity.groupId, unitId, date: new Date(`${day}T00:00:00Z`) } },
  });
  const rows = await prisma.booking.groupBy({
    by: ["status"],
    where: { activityId: activity.activityId, unitId, date: new Date(`${day}T00:00:00Z`) },
    _count: true,
  });
  const count = (status: string) => rows.find((row) => row.status === status)?._count ?? 0;
  return {
    booked: slot?.booked ?? 0,
    capacity: slot?.capacity ?? 0,
    rowsHoldingPlaces: count("BOOKED") + count("OFFERED"),
    byStatus: Object.fromEntries(rows.map((row) => [row.status, row._count])),
  };
}
