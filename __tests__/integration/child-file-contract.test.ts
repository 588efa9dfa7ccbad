import { db } from "@/lib/platform/db";
import { healthFlags, missingPrerequisites, pickupInfo, validDocument } from "@/lib/child-file";
import { saveChildFile } from "@/lib/child-file/service";
import { createChildFamily, sampleContent, storeKindDocument } from "../support/child-file";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const SEPT_2026 = new Date("2026-09-15T10:00:00Z");

describe("the child-file entry other features use", () => {
  test("missingPrerequisites says in French what is missing, outdated or not granted", async () => {
    const { child, mother } = await createChildFamily(prisma);
    const required = { documents: ["attestation-assurance", "justificatif-domicile"], authorisations: ["depart-seul"] };

    const before = await missingPrerequisites(child.id, required, SEPT_2026);
    expect(before.map((p) => p.message)).toEqual([
      "Fiche sanitaire et de liaison : à remplir",
      "Départ seul : autorisation à renseigner dans la fiche de l'enfant",
      "Attestation d'assurance (responsabilité civile) : à fournir",
      "Justificatif de domicile : à fournir",
    ]);

    const content = sampleContent();
    content.authorisations["depart-seul"] = { granted: false, fromAge: null, activities: null };
    expect(await saveChildFile(mother.id, child.id, { ...content, version: 0 }, SEPT_2026)).toEqual({ ok: true, version: 1 });
    // Last year's insurance, and a proof of address from May: both outdated in September.
    await storeKindDocument(prisma, mother.id, "attestation-assurance", "2025-09-01", "2026-08-31");
    await storeKindDocument(prisma, mother.id, "justificatif-domicile", "2026-05-02", "2026-08-01");
    const after = await missingPrerequisites(child.id, required, SEPT_2026);
    expect(after).toEqual([
      { kind: "authorisation", code: "depart-seul", message: "Départ seul : autorisation non donnée" },
      {
        kind: "document",
        code: "attestation-assurance",
        message: "Attestation d'assurance (responsabilité civile) : plus valable depuis le 01/09/2026",
      },
      { kind: "document", code: "justificatif-domicile", message: "Justificatif de domicile : plus valable depuis le 02/08/2026" },
      // The file says PAI: its document is required too.
      { kind: "document", code: "pai", message: "Projet d'accueil individualisé (PAI) : à fournir" },
    ]);

    // Next school year's confirmation opens in July: the file must then be confirmed again.
    const july = await missingPrerequisites(child.id, { documents: [], authorisations: [], file: true }, new Date("2027-07-02T10:00:00Z"));
    expect(july.map((p) => p.message)).toContain("Fiche sanitaire et de liaison : à confirmer pour 2027-2028");
    expect(await missingPrerequisites(child.id, { documents: ["livret-famille"], authorisations: [], file: false }, SEPT_2026)).toEqual([
      { kind: "document", code: "livret-famille", message: "Livret de famille ou acte de naissance : à fournir" },
    ]);
  });

  test("validDocument finds a valid document of the family, from either parent's storage, or says there is none", async () => {
    const { family, father, mother } = await createChildFamily(prisma);
    const other = await createChildFamily(prisma);
    await storeKindDocument(prisma, other.mother.id, "attestation-caf", "2026-01-10", "2026-12-31");
    expect(await validDocument(family.id, "attestation-caf", SEPT_2026)).toBeNull();

    const old = await storeKindDocument(prisma, mother.id, "attestation-caf", "2025-01-10", "2025-12-31");
    const current = await storeKindDocument(prisma, father.id, "attestation-caf", "2026-01-10", "2026-12-31");
    expect(await validDocument(family.id, "attestation-caf", SEPT_2026)).toEqual({
      documentId: current.id,
      validUntil: new Date("2026-12-31T00:00:00Z"),
    });
    expect(await validDocument(family.id, "attestation-caf", new Date("2025-06-01T10:00:00Z"))).toEqual({
      documentId: old.id,
      validUntil: new Date("2025-12-31T00:00:00Z"),
    });
    expect(await validDocument(family.id, "attestation-caf", new Date("2027-01-02T10:00:00Z"))).toBeNull();

    // A document from before kinds were configured counts by its enum, valid 3 months from its upload.
    const legacy = await prisma.document.create({
      data: {
        ownerId: mother.id,
        kind: "JUSTIFICATIF_DOMICILE",
        fileName: "edf.pdf",
        provider: "LOCAL",
        storageKey: `legacy-${family.id}`,
        mediaType: "application/pdf",
        size: 1,
        sha256: "0".repeat(64),
        createdAt: new Date("2026-08-20T10:00:00Z"),
      },
    });
    expect(await validDocument(family.id, "justificatif-domicile", SEPT_2026)).toEqual({
      documentId: legacy.id,
      validUntil: new Date("2026-11-19T00:00:00Z"),
    });
    // Livret de famille never expires.
    const livret = await storeKindDocument(prisma, mother.id, "livret-famille", "2010-01-01", null);
    expect(await validDocument(family.id, "livret-famille", SEPT_2026)).toEqual({ documentId: livret.id, validUntil: null });
  });

  test("healthFlags and pickupInfo give every requested child an entry, from the sealed file", async () => {
    const { child, mother } = await createChildFamily(prisma, { birthDate: "2016-03-12" });
    const young = await createChildFamily(prisma, { birthDate: "2020-01-01" });
    const bare = await createChildFamily(prisma);
    await saveChildFile(mother.id, child.id, { ...sampleContent(), version: 0 }, SEPT_2026);
    await saveChildFile(
      young.mother.id,
      young.child.id,
      { ...sampleContent({ pai: false, paiEndDate: null, allergies: [] }), version: 0 },
      SEPT_2026,
    );

    const flags = await healthFlags([child.id, young.child.id, bare.child.id, "pas-un-id"]);
    expect(flags.get(child.id)).toEqual({
      pai: true,
      allergies: [{ name: "Arachide", reaction: "Œdème de la gorge", action: "Stylo d'adrénaline puis 15" }],
      diet: "sans-allergene",
    });
    expect(flags.get(young.child.id)).toEqual({ pai: false, allergies: [], diet: "sans-allergene" });
    expect(flags.get(bare.child.id)).toEqual({ pai: false, allergies: [], diet: null });
    expect(flags.has("pas-un-id")).toBe(false);

    const pickup = await pickupInfo([child.id, young.child.id, bare.child.id], SEPT_2026);
    // 10 years old, allowed from 9: leaves alone; 6 years old: not yet.
    expect(pickup.get(child.id)).toEqual({
      people: [{ name: "Mamie GRAND", phone: "+33611223344", relationship: "Grand-mère" }],
      leavesAlone: true,
    });
    expect(pickup.get(young.child.id)?.leavesAlone).toBe(false);
    expect(pickup.get(bare.child.id)).toEqual({ people: [], leavesAlone: false });

    // Health data is sealed at rest: no allergy in clear in the row.
    const raw = await prisma.$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(f)::text AS row FROM child_files f WHERE "childId" = ${child.id}::uuid`;
    expect(raw[0]!.row).not.toContain("Arachide");
    const versions = await prisma.$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(v)::text AS row FROM child_file_versions v WHERE "childId" = ${child.id}::uuid`;
    expect(versions.map((v) => v.row).join()).not.toContain("Arachide");
  });
});
