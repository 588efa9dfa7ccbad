import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/platform/db";
import { applyCarteImport, lookupAddress, previewCarteImport } from "@/lib/school-enrolment/carte";
import { DEMO_SCHOOLS_CSV, DEMO_SECTORS_CSV } from "@/lib/school-enrolment/demo-carte";
import { ForbiddenError, type Caller } from "@/lib/platform/security/authorize";
import { testPrisma } from "../fixtures/db";

/**
 * The carte scolaire import on a real database: preview (added / changed / removed), apply in one
 * transaction, refusal when the carte changed since the preview, and the address lookup on split streets.
 */
const prisma = testPrisma();
let agent: Caller = null;
const fileOf2027 = readFileSync(path.join(__dirname, "../support/school-enrolment/secteurs-2027.csv"), "utf8");

beforeAll(async () => {
  const suffix = randomUUID().slice(0, 8);
  const row = await prisma.staffUser.create({
    data: { login: `carte.${suffix}`, email: `carte.${suffix}@example.org`, displayName: "Agent carte", passwordHash: "x" },
  });
  agent = { kind: "staff", id: row.id };
  const first = await previewCarteImport(agent, { schoolsCsv: DEMO_SCHOOLS_CSV, sectorsCsv: DEMO_SECTORS_CSV });
  await applyCarteImport(agent, { schoolsCsv: DEMO_SCHOOLS_CSV, sectorsCsv: DEMO_SECTORS_CSV }, first.fingerprint);
});

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("carte scolaire import", () => {
  it("is refused to a parent and to nobody", async () => {
    await expect(
      previewCarteImport({ kind: "parent", id: randomUUID() }, { schoolsCsv: null, sectorsCsv: DEMO_SECTORS_CSV }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(applyCarteImport(null, { schoolsCsv: null, sectorsCsv: DEMO_SECTORS_CSV }, "x")).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows what a real-looking file (BOM, CRLF, split streets) changes, then applies it in one go", async () => {
    const preview = await previewCarteImport(agent, { schoolsCsv: null, sectorsCsv: fileOf2027 });
    expect(preview.errors).toEqual([]);
    const streets = (
      changes: {
        before: { street: string; fromNumber: number | null } | null;
        after: { street: string; fromNumber: number | null } | null;
      }[],
    ) =>
      changes
        .map((change) => `${(change.after ?? change.before)!.street} ${(change.after ?? change.before)!.fromNumber ?? ""}`.trim())
        .sort();
    // The even side of rue Jean-Jaurès moves its split from 40/42 to 50/52; Labarde changes schools.
    expect(streets(preview.diff.sectors.added)).toEqual(['Lotissement "Les Vignes", allée 2', "Rue Jean-Jaurès 2", "Rue Jean-Jaurès 52"]);
    expect(streets(preview.diff.sectors.removed)).toEqual(["Impasse des Vignes", "Rue Jean-Jaurès 2", "Rue Jean-Jaurès 42"]);
    expect(preview.diff.sectors.changed.map((change) => change.after?.street)).toEqual(["Chemin de Labarde"]);
    expect(await lookupAddress("44 rue Jean Jaurès")).toMatchObject({ kind: "found", maternelle: { code: "MAT-PARC" } });

    await applyCarteImport(agent, { schoolsCsv: null, sectorsCsv: fileOf2027 }, preview.fingerprint);
    expect(await lookupAddress("44 rue Jean Jaurès")).toMatchObject({
      kind: "found",
      maternelle: { code: "MAT-TILLEULS" },
      elementaire: { code: "ELE-JAURES" },
    });
    expect(await lookupAddress("61 rue Jean-Jaurès")).toMatchObject({ kind: "found", elementaire: { code: "ELE-PASTEUR" } });
    expect(await lookupAddress("3 av. de la Liberation")).toMatchObject({ kind: "found", maternelle: { code: "MAT-PARC" } });
    expect(await lookupAddress("120 avenue du General de Gaulle")).toMatchObject({ kind: "found", maternelle: { code: "MAT-PARC" } });
    expect(await lookupAddress("rue Jean-Jaurès")).toEqual({ kind: "needs-number", street: "Rue Jean-Jaurès" });
    expect(await lookupAddress("12 rue Inconnue")).toMatchObject({ kind: "unknown-street" });
    const again = await previewCarteImport(agent, { schoolsCsv: null, sectorsCsv: fileOf2027 });
    expect(again.changes).toBe(0);
    const entries = await prisma.auditLog.findMany({ where: { actorId: agent!.id, action: "carte-scolaire.import.applied" } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses to apply when the carte changed since the preview, and writes nothing of a wrong file", async () => {
    const stale = await previewCarteImport(agent, { schoolsCsv: null, sectorsCsv: `${fileOf2027}\r\nRue Neuve;;;;MAT-PARC;ELE-PASTEUR` });
    const other = await previewCarteImport(agent, { schoolsCsv: null, sectorsCsv: `${fileOf2027}\r\nRue Autre;;;;MAT-PARC;ELE-PASTEUR` });
    await applyCarteImport(
      agent,
      { schoolsCsv: null, sectorsCsv: `${fileOf2027}\r\nRue Autre;;;;MAT-PARC;ELE-PASTEUR` },
      other.fingerprint,
    );
    await expect(
      applyCarteImport(agent, { schoolsCsv: null, sectorsCsv: `${fileOf2027}\r\nRue Neuve;;;;MAT-PARC;ELE-PASTEUR` }, stale.fingerprint),
    ).rejects.toThrow(/a changé depuis l'aperçu/);
    expect(await prisma.schoolSector.count({ where: { street: "Rue Neuve" } })).toBe(0);

    const wrong = `${fileOf2027}\r\nRue Fausse;;;;ELE-JAURES;ELE-JAURES`;
    const preview = await previewCarteImport(agent, { schoolsCsv: null, sectorsCsv: wrong });
    expect(preview.errors.map((error) => error.message)).toEqual([
      "Secteurs — Rue Fausse : « ELE-JAURES » n'est pas une école maternelle connue.",
    ]);
    await expect(applyCarteImport(agent, { schoolsCsv: null, sectorsCsv: wrong }, preview.fingerprint)).rejects.toThrow(/erreurs/);
    expect(await prisma.schoolSector.count({ where: { street: "Rue Fausse" } })).toBe(0);
  });

  it("does not remove a school that sectors still use", async () => {
    const schools = DEMO_SCHOOLS_CSV.split("\r\n")
      .filter((line) => !line.startsWith("MAT-PARC"))
      .join("\r\n");
    const preview = await previewCarteImport(agent, { schoolsCsv: schools, sectorsCsv: null });
    expect(preview.diff.schools.removed.map((change) => change.key)).toEqual(["MAT-PARC"]);
    await expect(applyCarteImport(agent, { schoolsCsv: schools, sectorsCsv: null }, preview.fingerprint)).rejects.toThrow(
      /ne peut pas être retirée/,
    );
    expect(await prisma.school.count({ where: { code: "MAT-PARC" } })).toBe(1);
  });
});

describe("single-row edits", () => {
  it("changes one sector row with the import's rules, and refuses a wrong one", async () => {
    const { listSectorsForStaff, updateSector, updateSchool } = await import("@/lib/school-enrolment/carte-edit");
    const row = (await listSectorsForStaff(agent)).find((sector) => sector.street === "Rue Victor-Hugo")!;
    const values = {
      voie: "Rue Victor-Hugo",
      parite: "pair",
      numero_debut: "",
      numero_fin: "",
      maternelle: "MAT-PARC",
      elementaire: "ELE-PASTEUR",
    };
    await expect(updateSector({ kind: "parent", id: randomUUID() }, row.id, values)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSector(agent, row.id, { ...values, maternelle: "ELE-JAURES" })).rejects.toMatchObject({ field: "maternelle" });
    await expect(updateSector(agent, row.id, { ...values, numero_debut: "20", numero_fin: "4" })).rejects.toThrow(
      /dépasse le numéro de fin/,
    );
    await updateSector(agent, row.id, values);
    expect(await lookupAddress("8 rue Victor Hugo")).toMatchObject({ kind: "found", maternelle: { code: "MAT-PARC" } });
    expect(await lookupAddress("9 rue Victor Hugo")).toEqual({ kind: "needs-number", street: "Rue Victor-Hugo" });
    await updateSchool(agent, "MAT-PARC", {
      nom: "École maternelle du Parc",
      type: "maternelle",
      adresse: "1 rue du Parc, 33560 Carbon-Blanc",
      telephone: "05 36 49 10 99",
      courriel: "",
      directeur: "",
      capacite: "PS=30,MS=28,GS=28",
    });
    expect(await prisma.school.findUnique({ where: { code: "MAT-PARC" } })).toMatchObject({
      phone: "05 36 49 10 99",
      capacity: { PS: 30, MS: 28, GS: 28 },
    });
    expect(
      await prisma.auditLog.count({
        where: { actorId: agent!.id, action: { in: ["carte-scolaire.sector.updated", "carte-scolaire.school.updated"] } },
      }),
    ).toBe(2);
    const school = {
      nom: "École maternelle du Parc",
      type: "maternelle",
      adresse: "1 rue du Parc, 33560 Carbon-Blanc",
      telephone: "",
      courriel: "",
      directeur: "",
      capacite: "PS=30",
    };
    await expect(updateSchool(agent, "MAT-PARC", { ...school, adresse: " " })).rejects.toMatchObject({ field: "adresse" });
    await expect(updateSchool(agent, "MAT-PARC", { ...school, courriel: "ecole.parc@" })).rejects.toMatchObject({ field: "courriel" });
    await expect(updateSchool(agent, "MAT-PARC", { ...school, nom: "École\u202e du Parc" })).rejects.toMatchObject({ field: "nom" });
    await expect(updateSchool(agent, "MAT-PARC", { ...school, type: "elementaire" })).rejects.toThrow(/type d'une école ne change pas/);
    await expect(updateSchool({ kind: "parent", id: randomUUID() }, "MAT-PARC", school)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.school.findUnique({ where: { code: "MAT-PARC" } })).toMatchObject({ kind: "MATERNELLE", phone: "05 36 49 10 99" });
  });
});
