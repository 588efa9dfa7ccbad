import { db } from "@/lib/platform/db";
import { loginTaken } from "@/lib/account/signup-steps";
import { verifyParentCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/platform/security/password";
import { findLinkedAccount } from "@/lib/franceconnect/accounts";
import {
  AccountNotActiveError,
  closeAccount,
  closedEmail,
  closurePasswordMatches,
  closurePreview,
  closureMethod,
  CLOSED_USAGE_NAME,
} from "@/lib/privacy/closure";
import { closureSchema } from "@/lib/privacy/schemas";
import { testPrisma } from "../fixtures/db";
import { createMarkedParent, createRichParent, fileExists, PASSWORD } from "./support/privacy-fixtures";

// Sign-in reads the caller's address from the request: give it one (the database is the real one).
jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.4" }) }));

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("closing an account", () => {
  test("keeps the family dossier, decided démarches with their history and documents, invoices and the audit log", async () => {
    const parent = await createRichParent(prisma);

    const report = await closeAccount(parent.id);

    expect(report).toEqual({ keptDemarches: 2, erasedDemarches: 2, keptDocuments: 2, erasedDocuments: 3, keptFamily: true });
    const remaining = await prisma.demarche.findMany({ where: { accountId: parent.id }, include: { events: true, documents: true } });
    expect(remaining.map((demarche) => demarche.status).sort()).toEqual(["ACCEPTED", "REFUSED"]);
    expect(remaining.every((demarche) => demarche.events.length === 2)).toBe(true);
    expect(remaining.find((demarche) => demarche.status === "ACCEPTED")?.documents).toHaveLength(1);
    expect(await prisma.family.findUnique({ where: { id: parent.family.id } })).not.toBeNull();
    expect(await prisma.familyMember.count({ where: { familyId: parent.family.id } })).toBe(2);
    expect(await prisma.parentalLink.count({ where: { childId: parent.child.id } })).toBe(1);
    expect(await prisma.invoice.findUnique({ where: { id: parent.invoice.id } })).not.toBeNull();
    for (const kept of [parent.documents.familyDocument, parent.documents.acceptedDocument]) {
      expect(await prisma.document.findUnique({ where: { id: kept.id } })).not.toBeNull();
      expect(await fileExists(kept.storageKey)).toBe(true);
    }
    const audit = await prisma.auditLog.findFirst({ where: { action: "account.closed", actorId: parent.id } });
    expect(audit).toMatchObject({ actorType: "ACCOUNT", targetId: parent.id });
    expect(audit?.details).toMatchObject({ keptDemarches: 2, erasedDocuments: 3, familyId: parent.family.id });
  });

  test("erases credentials, tokens, FranceConnect link, notifications, sign-in attempts, undecided démarches and loose documents with their files", async () => {
    const parent = await createRichParent(prisma);
    const before = await prisma.account.findUniqueOrThrow({ where: { id: parent.id } });

    await closeAccount(parent.id);

    const account = await prisma.account.findUniqueOrThrow({ where: { id: parent.id } });
    expect(account).toMatchObject({
      status: "CLOSED",
      login: null,
      passwordHash: null,
      email: closedEmail(parent.id),
      emailVerifiedAt: null,
      usageName: CLOSED_USAGE_NAME,
      firstNames: "",
      birthDate: null,
      addressLine: null,
      postalCode: null,
      mobile: null,
      familyId: null,
      photoDocumentId: null,
      sessionVersion: before.sessionVersion + 1,
    });
    expect(account.closedAt).toBeInstanceOf(Date);
    expect(account.closedLoginHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(account)).not.toContain(parent.marker);

    expect(await prisma.accountToken.count({ where: { accountId: parent.id } })).toBe(0);
    expect(await prisma.franceConnectIdentity.count({ where: { accountId: parent.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { accountId: parent.id } })).toBe(0);
    expect(await prisma.loginAttempt.count({ where: { identifier: parent.login } })).toBe(0);
    expect(await prisma.demarche.count({ where: { id: { in: [parent.demarches.draft.id, parent.demarches.submitted.id] } } })).toBe(0);
    expect(
      await prisma.demarcheEvent.count({ where: { demarcheId: { in: [parent.demarches.draft.id, parent.demarches.submitted.id] } } }),
    ).toBe(0);
    expect(await prisma.familyMember.count({ where: { accountId: parent.id } })).toBe(0);
    for (const erased of [parent.documents.draftDocument, parent.documents.looseDocument, parent.documents.photo]) {
      expect(await prisma.document.findUnique({ where: { id: erased.id } })).toBeNull();
      expect(await fileExists(erased.storageKey)).toBe(false);
    }
  });

  test("sends a confirmation mail to the address the account had", async () => {
    const parent = await createRichParent(prisma);

    await closeAccount(parent.id);

    const mail = await prisma.outboxMail.findFirst({ where: { to: parent.email }, orderBy: { createdAt: "desc" } });
    expect(mail?.subject).toBe("Votre compte a été fermé – Espace Famille");
    expect(mail?.text).toContain("le dossier de votre famille");
    expect(mail?.text).toContain("les 2 démarches déjà décidées");
  });

  test("the parent can no longer sign in, is told the account is closed, and the identifier can be taken again", async () => {
    const parent = await createMarkedParent(prisma);
    expect(await verifyParentCredentials(parent.login, PASSWORD)).toMatchObject({ ok: true });
    expect(await closurePasswordMatches(parent.id, PASSWORD)).toBe(true);
    expect(await closurePasswordMatches(parent.id, "Pas-Le-Bon-2")).toBe(false);

    await closeAccount(parent.id);

    expect(await verifyParentCredentials(parent.login, PASSWORD)).toEqual({ ok: false, reason: "closed_by_parent" });
    expect(await verifyParentCredentials("personne.inconnue", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await loginTaken(parent.login)).toBe(false);
    const again = await prisma.account.create({
      data: {
        login: parent.login,
        email: parent.email,
        passwordHash: await hashPassword(PASSWORD),
        status: "ACTIVE",
        civility: "MADAME",
        usageName: "NOUVEAU",
        firstNames: "Compte",
        cguAcceptedAt: new Date(),
        cguVersion: "test",
      },
    });
    expect(await verifyParentCredentials(parent.login, PASSWORD)).toMatchObject({ ok: true, account: { id: again.id } });
  });

  test("a FranceConnect-only account confirms with the word FERMER, and its FranceConnect identity is free again", async () => {
    const parent = await createRichParent(prisma, { franceConnectOnly: true });
    expect(await closureMethod(parent.id)).toBe("word");
    expect(closureSchema("word").safeParse({ confirmation: " fermer " }).success).toBe(true);
    expect(closureSchema("word").safeParse({ confirmation: "OUI" }).success).toBe(false);
    expect(await findLinkedAccount(`sub-${parent.marker}`)).not.toBeNull();

    await closeAccount(parent.id);

    expect(await findLinkedAccount(`sub-${parent.marker}`)).toBeNull();
    expect(await prisma.account.findUniqueOrThrow({ where: { id: parent.id }, select: { closedLoginHash: true } })).toEqual({
      closedLoginHash: null,
    });
  });

  test("the page's preview says what will be kept and erased, and a closed account cannot be closed twice", async () => {
    const parent = await createRichParent(prisma);

    expect(await closurePreview(parent.id)).toEqual({
      method: "password",
      hasFamily: true,
      decidedDemarches: 2,
      pendingDemarches: 2,
      keptDocuments: 2,
      erasedDocuments: 3,
      franceConnect: true,
    });
    await closeAccount(parent.id);
    await expect(closeAccount(parent.id)).rejects.toThrow(AccountNotActiveError);
    expect(await prisma.auditLog.count({ where: { action: "account.closed", actorId: parent.id } })).toBe(1);
  });
});
