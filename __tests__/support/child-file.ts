import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ChildFileContent } from "@/lib/child-file/schemas";

/**
 * A validated family with two parents (both with parental authority over the child), written straight to
 * the test database; every name carries a marker so a test can look for one family's data elsewhere.
 */
export async function createChildFamily(prisma: PrismaClient, options: { secondParentAuthority?: boolean; birthDate?: string } = {}) {
  const marker = `C${randomUUID().slice(0, 8)}`;
  const family = await prisma.family.create({ data: { dossierNumber: `F-CF-${marker}`, status: "ACTIVE" } });
  const parent = async (first: string) =>
    prisma.account.create({
      data: {
        login: `${first.toLowerCase()}.${marker.toLowerCase()}`,
        email: `${first.toLowerCase()}.${marker.toLowerCase()}@example.org`,
        status: "ACTIVE",
        civility: "MADAME",
        usageName: `NOM${marker}`,
        firstNames: first,
        cguAcceptedAt: new Date(),
        cguVersion: "test",
        familyId: family.id,
      },
    });
  const mother = await parent("Claire");
  const father = await parent("Paul");
  const holder = await prisma.familyMember.create({
    data: { familyId: family.id, role: "HOLDER", accountId: mother.id, usageName: `NOM${marker}`, firstName: "Claire" },
  });
  const co = await prisma.familyMember.create({
    data: { familyId: family.id, role: "CO_REPRESENTATIVE", accountId: father.id, usageName: `NOM${marker}`, firstName: "Paul" },
  });
  const child = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CHILD",
      usageName: `NOM${marker}`,
      firstName: `Lou${marker}`,
      birthDate: new Date(options.birthDate ?? "2016-03-12"),
    },
  });
  const contact = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CONTACT",
      usageName: "GRAND",
      firstName: "Mamie",
      mobile: "+33611223344",
      relationship: "GRAND_PARENT",
    },
  });
  await prisma.parentalLink.create({ data: { childId: child.id, representativeId: holder.id, quality: "MERE", parentalAuthority: true } });
  await prisma.parentalLink.create({
    data: { childId: child.id, representativeId: co.id, quality: "PERE", parentalAuthority: options.secondParentAuthority ?? true },
  });
  return { marker, family, mother, father, child, contact };
}

export function sampleContent(overrides: Partial<ChildFileContent["health"]> = {}): ChildFileContent {
  return {
    health: {
      allergies: [{ name: "Arachide", reaction: "Œdème de la gorge", action: "Stylo d'adrénaline puis 15" }],
      pai: true,
      paiEndDate: "2027-07-05",
      paiDocumentId: null,
      treatment: null,
      diet: "sans-allergene",
      dtpDates: ["2016-05-12", "2017-06-01"],
      vaccinationDocumentId: null,
      doctorName: "Dr Martin",
      doctorPhone: "+33556000000",
      ...overrides,
    },
    authorisations: {
      "photo-video": { granted: true, fromAge: null, activities: null },
      "depart-seul": { granted: true, fromAge: 9, activities: "Accueil du soir" },
      transport: { granted: true, fromAge: null, activities: null },
      "soins-urgence": { granted: true, fromAge: null, activities: null },
    },
    pickup: [{ name: "Mamie GRAND", phone: "+33611223344", relationship: "Grand-mère", memberId: null }],
  };
}

export const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

/** A document row of a configured kind in a parent's storage (the file itself is not needed by these tests). */
export async function storeKindDocument(
  prisma: PrismaClient,
  ownerId: string,
  kindCode: string,
  documentDate: string | null,
  validUntil: string | null,
  childId: string | null = null,
) {
  return prisma.document.create({
    data: {
      ownerId,
      kind: "AUTRE",
      kindCode,
      documentDate: documentDate ? new Date(documentDate) : null,
      validUntil: validUntil ? new Date(validUntil) : null,
      childId,
      fileName: `${kindCode}.pdf`,
      provider: "LOCAL",
      storageKey: `test-${randomUUID()}`,
      mediaType: "application/pdf",
      size: 10,
      sha256: "0".repeat(64),
    },
  });
}
