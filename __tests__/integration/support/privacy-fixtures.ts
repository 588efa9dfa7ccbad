import { randomUUID } from "node:crypto";
import type { DemarcheStatus, DocumentKind, PrismaClient } from "@/lib/generated/prisma/client";
import { fileStore } from "@/lib/platform/storage";
import { createParent, TEST_PASSWORD } from "../../fixtures/parents";

/**
 * A parent with everything the portal can hold about them, written straight to the test database:
 * used by the export, closure and purge tests. Every name carries a unique marker, so a test can look
 * for one family's data in another family's export.
 */
export const PASSWORD = TEST_PASSWORD;

export const pdfBytes = (marker: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);

export async function createMarkedParent(prisma: PrismaClient, options: { franceConnectOnly?: boolean; marker?: string } = {}) {
  const marker = options.marker ?? `M${randomUUID().slice(0, 8)}`;
  const login = `prive.${marker.toLowerCase()}`;
  const parent = await createParent({
    prisma,
    usageName: `NOM${marker}`,
    firstNames: `Prenom${marker}`,
    password: options.franceConnectOnly ? null : TEST_PASSWORD,
    account: {
      login: options.franceConnectOnly ? null : login,
      email: `${login}@example.org`,
      civility: "MADAME",
      birthDate: new Date("1985-06-15"),
      addressLine: `12 rue ${marker}`,
      streetNumber: null,
    },
  });
  return { id: parent.id, login, email: parent.email, marker };
}

export async function storeFile(prisma: PrismaClient, ownerId: string, marker: string, kind: DocumentKind = "AUTRE") {
  const bytes = pdfBytes(marker);
  const store = fileStore();
  const storageKey = await store.put({ bytes, mediaType: "application/pdf", fileName: `${marker}.pdf` });
  return prisma.document.create({
    data: {
      ownerId,
      kind,
      fileName: `piece-${marker}.pdf`,
      provider: store.provider,
      storageKey,
      mediaType: "application/pdf",
      size: bytes.byteLength,
      sha256: "0".repeat(64),
    },
  });
}

export async function fileExists(storageKey: string): Promise<boolean> {
  return (await fileStore().get(storageKey)) !== null;
}

export async function createDemarche(
  prisma: PrismaClient,
  accountId: string,
  status: DemarcheStatus,
  marker: string,
  extra: { familyId?: string; decidedAt?: Date } = {},
) {
  return prisma.demarche.create({
    data: {
      reference: `D-T-${randomUUID().slice(0, 13)}`,
      kind: "FAMILY_DECLARATION",
      status,
      accountId,
      familyId: extra.familyId,
      data: { note: `donnees-${marker}-${status}` },
      submittedAt: status === "DRAFT" ? null : new Date(),
      decidedAt: extra.decidedAt ?? (status === "ACCEPTED" || status === "REFUSED" ? new Date() : null),
      refusalReason: status === "REFUSED" ? `motif-${marker}` : null,
      events: {
        create: [
          { type: "CREATED", toStatus: "DRAFT", accountId },
          { type: "MESSAGE", message: `message-${marker}-${status}` },
        ],
      },
    },
  });
}

/**
 * A parent with a validated family (members, link, invoice, a kept document), one démarche of each kind of
 * status, notifications, tokens, a FranceConnect link, sign-in attempts and documents in every situation.
 */
export async function createRichParent(prisma: PrismaClient, options: { franceConnectOnly?: boolean } = {}) {
  const parent = await createMarkedParent(prisma, options);
  const { marker } = parent;
  const family = await prisma.family.create({ data: { dossierNumber: `F-T-${marker}` } });
  await prisma.account.update({ where: { id: parent.id }, data: { familyId: family.id } });
  const holder = await prisma.familyMember.create({
    data: { familyId: family.id, role: "HOLDER", accountId: parent.id, usageName: `NOM${marker}`, firstName: `Prenom${marker}` },
  });
  const child = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CHILD",
      usageName: `NOM${marker}`,
      firstName: `Enfant${marker}`,
      birthDate: new Date("2018-03-12"),
    },
  });
  await prisma.parentalLink.create({ data: { childId: child.id, representativeId: holder.id, quality: "MERE", parentalAuthority: true } });
  const invoice = await prisma.invoice.create({
    data: {
      number: `FA-${marker}`,
      regie: "ENF",
      status: "ISSUED",
      quotientBracket: "Tranche E",
      familyId: family.id,
      period: "2026-10",
      amountCents: 4250,
      dueDate: new Date("2026-11-30"),
    },
  });

  const familyDocument = await storeFile(prisma, parent.id, `${marker}-famille`, "LIVRET_FAMILLE");
  await prisma.familyDocument.create({ data: { familyId: family.id, documentId: familyDocument.id, kind: "LIVRET_FAMILLE" } });

  const accepted = await createDemarche(prisma, parent.id, "ACCEPTED", marker, { familyId: family.id });
  const acceptedDocument = await storeFile(prisma, parent.id, `${marker}-acceptee`, "JUSTIFICATIF_DOMICILE");
  await prisma.demarcheDocument.create({
    data: { demarcheId: accepted.id, documentId: acceptedDocument.id, kind: "JUSTIFICATIF_DOMICILE" },
  });
  const refused = await createDemarche(prisma, parent.id, "REFUSED", marker);
  const draft = await createDemarche(prisma, parent.id, "DRAFT", marker);
  const draftDocument = await storeFile(prisma, parent.id, `${marker}-brouillon`, "JUGEMENT");
  await prisma.demarcheDocument.create({ data: { demarcheId: draft.id, documentId: draftDocument.id, kind: "JUGEMENT" } });
  const submitted = await createDemarche(prisma, parent.id, "SUBMITTED", marker);
  const looseDocument = await storeFile(prisma, parent.id, `${marker}-libre`);
  const photo = await storeFile(prisma, parent.id, `${marker}-photo`, "PHOTO");
  await prisma.account.update({ where: { id: parent.id }, data: { photoDocumentId: photo.id } });

  await prisma.notification.create({ data: { accountId: parent.id, title: `Titre ${marker}`, body: `Corps ${marker}` } });
  await prisma.accountToken.create({
    data: { accountId: parent.id, purpose: "PASSWORD_RESET", tokenHash: `hash-${marker}`, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  await prisma.franceConnectIdentity.create({ data: { sub: `sub-${marker}`, accountId: parent.id } });
  if (!options.franceConnectOnly) {
    await prisma.loginAttempt.create({ data: { scope: "parent", identifier: parent.login, ipAddress: "203.0.113.7", succeeded: true } });
  }
  return {
    ...parent,
    family,
    holder,
    child,
    invoice,
    demarches: { accepted, refused, draft, submitted },
    documents: { familyDocument, acceptedDocument, draftDocument, looseDocument, photo },
  };
}
