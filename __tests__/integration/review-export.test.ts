import { db } from "@/lib/platform/db";
import { csvCell, EXPORT_COLUMNS, exportValidatedFamilies } from "@/lib/review/export";
import { acceptDeclaration } from "@/lib/review/service";
import { testPrisma } from "../fixtures/db";
import { reviewStaff, sentDeclaration } from "./support/review";

/** The CSV export of validated families, for the town's other software. */
const prisma = testPrisma();
const agents = reviewStaff();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("the CSV export", () => {
  test("validated families, one line per person, UTF-8 with BOM, formulas neutralised, audited", async () => {
    const { demarche } = await sentDeclaration();
    await acceptDeclaration(agents.agent, demarche.id, demarche.version);
    const family = await prisma.demarche.findUniqueOrThrow({ where: { id: demarche.id }, select: { familyId: true } });
    // A parent cannot type a name starting with "=" (the form refuses it): force one to prove the neutralisation.
    await prisma.familyMember.updateMany({ where: { familyId: family.familyId!, role: "CHILD" }, data: { firstName: "=1+1" } });

    const stream = await exportValidatedFamilies(agents.agent);
    const bytes = Buffer.from(await new Response(stream).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(";"));
    const dossier = (await prisma.family.findUniqueOrThrow({ where: { id: family.familyId! } })).dossierNumber;
    const mine = lines.filter((line) => line.startsWith(`${dossier};`));
    expect(mine).toHaveLength(2);
    const childLine = mine.find((line) => line.split(";")[1] === "enfant")!;
    expect(childLine.split(";")[4]).toBe("'=1+1");
    expect(childLine).toContain("autorité parentale oui");
    expect(mine.every((line) => line.split(";").length === EXPORT_COLUMNS.length)).toBe(true);
    // Phones in the national format a spreadsheet keeps as text.
    expect(mine.find((line) => line.split(";")[1] === "titulaire")!.split(";")[EXPORT_COLUMNS.indexOf("telephone_portable")]).toBe(
      "06 11 22 33 44",
    );
    expect(await prisma.auditLog.count({ where: { action: "families.exported", actorId: agents.agent!.id } })).toBeGreaterThan(0);
  });

  test("cells with separators, quotes or line breaks are quoted", () => {
    expect(csvCell('Dupont; "dit" Toto')).toBe('"Dupont; ""dit"" Toto"');
    expect(csvCell("ligne\nsuivante")).toBe('"ligne\nsuivante"');
    expect(csvCell("+33611223344")).toBe("'+33611223344");
    expect(csvCell(null)).toBe("");
  });
});
