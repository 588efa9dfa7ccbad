import { declareBirth } from "@/lib/child-file/birth";
import { db } from "@/lib/platform/db";
import { createChildFamily } from "../support/child-file";
import { testPrisma } from "../fixtures/db";

/**
 * « Déclarer la naissance » on a real database: a child declared as expected, sex unknown, is completed once by a
 * parent with authority; each field is checked with its own message; a stranger and a second declaration change
 * nothing, even when both parents send at the same moment.
 */
const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function expectedChild() {
  const family = await createChildFamily(prisma);
  await prisma.familyMember.update({
    where: { id: family.child.id },
    data: { birthDate: null, sex: null, expectedBirth: true, expectedBirthDate: new Date("2026-11-20T00:00:00Z"), firstName: "Bébé" },
  });
  return family;
}

it("completes an expected child once, with field messages, for a parent of the family only", async () => {
  const { mother, father, child } = await expectedChild();
  const stranger = await createChildFamily(prisma);
  const good = { firstName: "Lina", birthDate: "25/11/2026", sex: "FEMININ" as const };

  expect(await declareBirth(mother.id, child.id, { ...good, sex: "" as never }, "2026-12-03")).toEqual({
    ok: false,
    fieldErrors: { sex: "Le champ 'sexe' est obligatoire." },
  });
  expect(await declareBirth(mother.id, child.id, { ...good, birthDate: "31/02/2026" }, "2026-12-03")).toMatchObject({
    ok: false,
    fieldErrors: { birthDate: expect.stringMatching(/mal renseigné/) },
  });
  expect(await declareBirth(mother.id, child.id, { ...good, birthDate: "10/12/2026" }, "2026-12-03")).toMatchObject({
    ok: false,
    fieldErrors: { birthDate: expect.stringMatching(/futur/) },
  });
  expect(await declareBirth(mother.id, child.id, { ...good, birthDate: "25/11/2024" }, "2026-12-03")).toMatchObject({
    ok: false,
    fieldErrors: { birthDate: expect.stringMatching(/trop éloignée/) },
  });
  expect(await declareBirth(mother.id, child.id, { ...good, firstName: "<b>" }, "2026-12-03")).toMatchObject({
    ok: false,
    fieldErrors: { firstName: expect.any(String) },
  });
  expect(await declareBirth(stranger.mother.id, child.id, good, "2026-12-03")).toMatchObject({ ok: false });
  expect(await prisma.familyMember.findUniqueOrThrow({ where: { id: child.id } })).toMatchObject({ expectedBirth: true, sex: null });

  // Both parents at the same moment: one declaration applies.
  const results = await Promise.all([
    declareBirth(mother.id, child.id, good, "2026-12-03"),
    declareBirth(father.id, child.id, { ...good, firstName: "Line" }, "2026-12-03"),
  ]);
  expect(results.filter((result) => result.ok)).toHaveLength(1);
  const born = await prisma.familyMember.findUniqueOrThrow({ where: { id: child.id } });
  expect(born).toMatchObject({
    expectedBirth: false,
    expectedBirthDate: null,
    sex: "FEMININ",
    birthDate: new Date("2026-11-25T00:00:00Z"),
  });
  expect(["Lina", "Line"]).toContain(born.firstName);
  expect(await prisma.auditLog.count({ where: { action: "child.birth-declared", targetId: child.id } })).toBe(1);
});
