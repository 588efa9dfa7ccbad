/**
 * A family declaration waiting in the staff queue, so that a newcomer's back-office is not empty:
 * Sophie MARTIN declared herself, a co-representative, two children and a contact, with two documents.
 * Idempotent: nothing is added when her account exists.
 */
import { createHash } from "node:crypto";
import { demoParentWithDeclaration as demoDeclarationParent } from "../lib/platform/demo/accounts";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { simplePdf } from "../lib/platform/pdf/simple-document";
import type { FileStore } from "../lib/platform/storage/types";

const people = {
  holder: {
    civility: "MADAME",
    usageName: "MARTIN",
    firstName: "Sophie",
    birthDate: "14/06/1986",
    streetNumber: "12",
    streetName: "Rue de la République",
    postalCode: "33560",
    city: "Carbon-Blanc",
    country: "FRANCE",
    mobile: "06 98 76 54 32",
    email: demoDeclarationParent.email,
    profession: "Professeure des écoles",
    employer: "Éducation nationale",
    allocataireMember: "OUI",
    allocataireRegime: "GENERAL",
    allocataireOrganisation: "CAF de la Gironde",
    allocataireNumber: "7654321",
    dependentChildren: "2",
  },
  co: {
    civility: "MONSIEUR",
    usageName: "MARTIN",
    firstName: "Karim",
    birthDate: "02/11/1984",
    streetNumber: "12",
    streetName: "Rue de la République",
    postalCode: "33560",
    city: "Carbon-Blanc",
    country: "FRANCE",
    mobile: "07 12 34 56 78",
    email: "karim.martin@example.org",
    profession: "Technicien",
    employer: "Aéroport de Bordeaux",
  },
  children: [
    {
      id: "0196f000-0000-7000-8000-000000000001",
      values: {
        usageName: "MARTIN",
        firstName: "Léa",
        sex: "FEMININ",
        birthDate: "03/04/2016",
        quality_holder: "MERE",
        authority_holder: "OUI",
        quality_co: "PERE",
        authority_co: "OUI",
      },
    },
    {
      id: "0196f000-0000-7000-8000-000000000002",
      values: {
        usageName: "MARTIN",
        firstName: "Nathan",
        sex: "MASCULIN",
        birthDate: "21/09/2019",
        quality_holder: "MERE",
        authority_holder: "OUI",
        quality_co: "PERE",
        authority_co: "OUI",
      },
    },
  ],
  contacts: [
    {
      id: "0196f000-0000-7000-8000-000000000003",
      values: {
        civility: "MADAME",
        usageName: "BERNARD",
        firstName: "Monique",
        phone: "06 55 44 33 22",
        relationship: "GRAND_MERE",
        emergencyContact: true,
      },
    },
  ],
};

export async function seedDemoDeclaration(prisma: PrismaClient, store: FileStore, passwordHash: string, cguVersion: string) {
  if (await prisma.account.findUnique({ where: { login: demoDeclarationParent.login } })) return;
  const now = new Date();
  const account = await prisma.account.create({
    data: {
      login: demoDeclarationParent.login,
      email: demoDeclarationParent.email,
      emailVerifiedAt: now,
      passwordHash,
      status: "ACTIVE",
      activatedAt: now,
      civility: "MADAME",
      usageName: "MARTIN",
      firstNames: "Sophie",
      birthDate: new Date("1986-06-14"),
      addressLine: "12 Rue de la République 33560 Carbon-Blanc",
      streetNumber: "12",
      postalCode: "33560",
      city: "Carbon-Blanc",
      mobile: "+33698765432",
      cguAcceptedAt: now,
      cguVersion,
    },
  });
  const files = [
    {
      kind: "LIVRET_FAMILLE" as const,
      fileName: "livret-de-famille.pdf",
      paragraphs: [
        "Livret de famille (document de démonstration)",
        "Époux : Karim MARTIN – Épouse : Sophie MARTIN",
        "Enfants : Léa MARTIN, née le 3 avril 2016 ; Nathan MARTIN, né le 21 septembre 2019",
      ],
    },
    {
      kind: "JUSTIFICATIF_DOMICILE" as const,
      fileName: "facture-electricite.pdf",
      paragraphs: ["Facture d'électricité (document de démonstration)", "Mme Sophie MARTIN, 12 Rue de la République, 33560 Carbon-Blanc"],
    },
  ];
  const documents = [];
  for (const file of files) {
    const bytes = await simplePdf({ title: file.paragraphs[0]!, paragraphs: file.paragraphs, author: "Démonstration" });
    const storageKey = await store.put({ bytes, mediaType: "application/pdf", fileName: file.fileName });
    const document = await prisma.document.create({
      data: {
        ownerId: account.id,
        kind: file.kind,
        fileName: file.fileName,
        provider: "LOCAL",
        storageKey,
        mediaType: "application/pdf",
        size: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    });
    documents.push({ documentId: document.id, kind: file.kind });
  }
  const submittedAt = new Date(now.getTime() - 2 * 86_400_000);
  await prisma.demarche.create({
    data: {
      reference: "D-2026-DEMO01",
      kind: "FAMILY_DECLARATION",
      status: "SUBMITTED",
      accountId: account.id,
      data: people,
      version: 1,
      submittedAt,
      events: {
        create: [
          { type: "CREATED", toStatus: "DRAFT", accountId: account.id, createdAt: new Date(submittedAt.getTime() - 3_600_000) },
          { type: "SUBMITTED", fromStatus: "DRAFT", toStatus: "SUBMITTED", accountId: account.id, createdAt: submittedAt },
        ],
      },
      documents: { create: documents },
    },
  });
}
