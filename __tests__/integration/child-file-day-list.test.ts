import { randomUUID } from "node:crypto";
import { saveChildFile } from "@/lib/child-file/service";
import { healthList } from "@/lib/child-file/staff";
import { db } from "@/lib/platform/db";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { childrenExpected } from "@/lib/reservations/staff";
import { createChildFamily, sampleContent } from "../support/child-file";
import { createTestActivity } from "../support/reservations";
import { testPrisma } from "../fixtures/db";

/**
 * The PAI and allergy list for one activity and one day (the kitchen's and the animators' list): only the children
 * expected that day (booked or added on the spot), never one on the waiting list or whose booking was cancelled.
 */
const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

it("lists the expected children with a PAI or an allergy, for agents with the health access only", async () => {
  const activity = await createTestActivity(prisma, { capacity: 10, startDate: "2027-03-01", endDate: "2027-03-31", kind: "SCHOOL_YEAR" });
  const code = (await prisma.activity.findUniqueOrThrow({ where: { id: activity.activityId } })).code;
  const families = await Promise.all([
    createChildFamily(prisma),
    createChildFamily(prisma),
    createChildFamily(prisma),
    createChildFamily(prisma),
  ]);
  for (const family of families)
    await saveChildFile(family.mother.id, family.child.id, { ...sampleContent(), version: 0 }, new Date("2026-09-15T10:00:00Z"));
  const statuses = ["BOOKED", "WALK_IN", "WAITLISTED", "CANCELLED"] as const;
  for (const [index, family] of families.entries()) {
    const enrolment = await prisma.enrolment.create({
      data: {
        childId: family.child.id,
        familyId: family.family.id,
        activityId: activity.activityId,
        periodId: activity.periodId,
        groupId: activity.groupId,
        status: "ACCEPTED",
      },
    });
    await prisma.booking.create({
      data: {
        enrolmentId: enrolment.id,
        childId: family.child.id,
        familyId: family.family.id,
        activityId: activity.activityId,
        groupId: activity.groupId,
        unitId: activity.unitId,
        date: new Date("2027-03-10T00:00:00Z"),
        status: statuses[index]!,
        walkIn: statuses[index] === "WALK_IN",
      },
    });
  }
  const staff = async (healthDataAccess: boolean) => {
    const login = `liste.${randomUUID().slice(0, 8)}`;
    return {
      kind: "staff" as const,
      id: (
        await prisma.staffUser.create({
          data: { login, email: `${login}@ville.test`, displayName: login, passwordHash: "x", healthDataAccess },
        })
      ).id,
    };
  };
  const [reader, other] = [await staff(true), await staff(false)];

  const expected = await childrenExpected(reader, code, "2027-03-10");
  expect(new Set(expected)).toEqual(new Set([families[0]!.child.id, families[1]!.child.id]));
  const list = await healthList(reader, { childIds: expected! });
  expect(list.map((row) => row.childId).sort()).toEqual([families[0]!.child.id, families[1]!.child.id].sort());
  expect(list.every((row) => row.pai && row.allergies[0]?.name === "Arachide")).toBe(true);
  expect(await healthList(reader, { childIds: (await childrenExpected(reader, code, "2027-03-11"))! })).toEqual([]);

  expect(await childrenExpected(reader, "pas-une-activite", "2027-03-10")).toBeNull();
  expect(await childrenExpected(reader, code, "10/03/2027")).toBeNull();
  await expect(healthList(other, { childIds: expected! })).rejects.toBeInstanceOf(ForbiddenError);
  await expect(childrenExpected({ kind: "parent", id: families[0]!.mother.id }, code, "2027-03-10")).rejects.toBeInstanceOf(ForbiddenError);
});
