/** The demo carte scolaire (fictitious, see lib/school-enrolment/demo-carte.ts), idempotent. */
import type { PrismaClient } from "../lib/generated/prisma/client";
import { parseSchoolsCsv, parseSectorsCsv } from "../lib/school-enrolment/csv";
import { DEMO_SCHOOLS_CSV, DEMO_SECTORS_CSV } from "../lib/school-enrolment/demo-carte";

export async function seedDemoCarteScolaire(prisma: PrismaClient): Promise<void> {
  const ids = new Map<string, string>();
  for (const school of parseSchoolsCsv(DEMO_SCHOOLS_CSV).rows) {
    const { code, ...data } = school;
    const row = await prisma.school.upsert({ where: { code }, create: { code, ...data }, update: {} });
    ids.set(code, row.id);
  }
  if ((await prisma.schoolSector.count()) > 0) return;
  await prisma.schoolSector.createMany({
    data: parseSectorsCsv(DEMO_SECTORS_CSV).rows.map(({ maternelle, elementaire, ...row }) => ({
      ...row,
      maternelleId: ids.get(maternelle)!,
      elementaireId: ids.get(elementaire)!,
    })),
  });
}
