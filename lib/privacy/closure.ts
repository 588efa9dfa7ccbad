import "server-only";
import { eraseChildFilesAtClosure } from "@/lib/child-file";
import { audit } from "@/lib/platform/audit";
import { verifyPassword } from "@/lib/platform/security/password";
import { closedLoginHash } from "@/lib/auth";
import { db } from "@/lib/platform/db";
import type { DemarcheStatus } from "@/lib/generated/prisma/client";
import { sendMail } from "@/lib/platform/mail";
import { accountClosedMail } from "@/lib/platform/mail/templates";
import { fileStore } from "@/lib/platform/storage";
import { town } from "@/lib/platform/town";

/**
 * Closing a parent's account (RGPD art. 17, within the town's legal duties).
 * Kept: the family dossier (members, links, kept documents, invoices and payments are the family's, not the
 * account's), the démarches already decided with their history and documents, and the audit log.
 * Erased: the children's files when no other parent account remains in the family (health data), credentials, tokens, FranceConnect links, notifications, sign-in attempts, démarches not decided
 * (drafts and requests still under review, withdrawn), and every document nothing above holds (files included).
 * The account row stays, emptied of personal data, because kept démarches reference it; the purge deletes it
 * once nothing does.
 */

/** Démarches the town has decided: part of its records (archives publiques), kept after closure. */
export const DECIDED: DemarcheStatus[] = ["ACCEPTED", "REFUSED"];

/** Marks the e-mail address of a closed account: a reserved domain (RFC 2606), never deliverable. */
export const closedEmail = (accountId: string) => `compte-ferme-${accountId}@fermeture.invalid`;
export const CLOSED_USAGE_NAME = "COMPTE FERMÉ";

/** A password account confirms with its password; a FranceConnect-only account (no password) types FERMER. */
export async function closureMethod(accountId: string): Promise<"password" | "word"> {
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { login: true, passwordHash: true } });
  return account.login && account.passwordHash ? "password" : "word";
}

/** The password typed to confirm a closure. */
export async function closurePasswordMatches(accountId: string, password: string): Promise<boolean> {
  const { passwordHash } = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: { passwordHash: true } });
  return passwordHash ? verifyPassword(passwordHash, password.slice(0, 128)) : false;
}

/** A second submission (double click, another tab) finds the account already closed. */
export class AccountNotActiveError extends Error {
  constructor() {
    super("Only an active account can be closed");
  }
}

export interface ClosureReport {
  keptDemarches: number;
  erasedDemarches: number;
  keptDocuments: number;
  erasedDocuments: number;
  keptFamily: boolean;
}

export async function closeAccount(accountId: string): Promise<ClosureReport> {
  const now = new Date();
  const { report, files, recipient } = await db().$transaction(async (tx) => {
    // Locks the row: a second click, or another tab, waits and then finds the account already closed.
    const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM accounts WHERE id = ${accountId}::uuid FOR UPDATE`;
    if (locked[0]?.status !== "ACTIVE") throw new AccountNotActiveError();
    const account = await tx.account.findUniqueOrThrow({
      where: { id: accountId },
      select: { login: true, email: true, civility: true, usageName: true, firstNames: true, familyId: true, sessionVersion: true },
    });

    const erasedDemarches = await tx.demarche.deleteMany({ where: { accountId, status: { notIn: DECIDED } } });
    const keptDemarches = await tx.demarche.count({ where: { accountId } });

    // After the undecided démarches are gone, a document still linked to a démarche is linked to a decided one.
    const documents = await tx.document.findMany({
      where: { ownerId: accountId },
      select: { id: true, provider: true, storageKey: true, deletedAt: true, _count: { select: { families: true, demarches: true } } },
    });
    const erased = documents.filter((document) => document._count.families === 0 && document._count.demarches === 0);
    await tx.account.update({ where: { id: accountId }, data: { photoDocumentId: null } });
    await tx.document.deleteMany({ where: { id: { in: erased.map((document) => document.id) } } });

    await tx.accountToken.deleteMany({ where: { accountId } });
    await tx.franceConnectIdentity.deleteMany({ where: { accountId } });
    await tx.notification.deleteMany({ where: { accountId } });
    await tx.loginAttempt.deleteMany({
      where: {
        OR: [
          { scope: "parent", identifier: account.login ?? "" },
          { scope: CLOSURE_THROTTLE_SCOPE, identifier: accountId },
        ],
      },
    });
    // The family dossier keeps the person as the town recorded them; it just no longer points to a closed account.
    await tx.familyMember.updateMany({ where: { accountId }, data: { accountId: null } });
    // Children's files: the closing parent's name leaves their history; the last parent's closure erases them.
    await eraseChildFilesAtClosure(tx, accountId, account.familyId);

    await tx.account.update({
      where: { id: accountId },
      data: {
        status: "CLOSED",
        closedAt: now,
        closedLoginHash: account.login ? closedLoginHash(account.login) : null,
        sessionVersion: { increment: 1 },
        login: null,
        passwordHash: null,
        email: closedEmail(accountId),
        emailVerifiedAt: null,
        usageName: CLOSED_USAGE_NAME,
        birthName: null,
        firstNames: "",
        birthDate: null,
        birthCountryCode: null,
        birthDepartmentCode: null,
        birthCommuneCode: null,
        addressLine: null,
        streetNumber: null,
        building: null,
        apartment: null,
        addressComplement: null,
        postalCode: null,
        city: null,
        country: null,
        phone: null,
        mobile: null,
        preferredContact: "EMAIL",
        familyId: null,
        lastLoginAt: null,
      },
    });

    const report: ClosureReport = {
      keptDemarches,
      erasedDemarches: erasedDemarches.count,
      keptDocuments: documents.length - erased.length,
      erasedDocuments: erased.length,
      keptFamily: Boolean(account.familyId),
    };
    await audit(
      {
        actorType: "ACCOUNT",
        actorId: accountId,
        action: "account.closed",
        targetType: "Account",
        targetId: accountId,
        details: { ...report, familyId: account.familyId },
      },
      tx,
    );
    return { report, files: erased.filter((document) => !document.deletedAt), recipient: account };
  });

  // Files go after the rows: a failure here leaves an unreachable file (logged), never a row without its file.
  for (const file of files) {
    await fileStore(file.provider)
      .delete(file.storageKey)
      .catch((error: unknown) =>
        console.error(`[closure] file ${file.storageKey} could not be deleted:`, error instanceof Error ? error.message : error),
      );
  }
  const mail = accountClosedMail({ ...recipient, ...report }, town());
  await sendMail({ to: recipient.email, ...mail, tag: "account-closed" }).catch((error: unknown) =>
    console.error("[closure] the confirmation mail could not be sent:", error instanceof Error ? error.message : error),
  );
  return report;
}

export const CLOSURE_THROTTLE_SCOPE = "account-closure" as const;

export interface ClosurePreview {
  method: "password" | "word";
  hasFamily: boolean;
  decidedDemarches: number;
  pendingDemarches: number;
  keptDocuments: number;
  erasedDocuments: number;
  franceConnect: boolean;
}

/** What closing would keep and erase for this account, said on the page before the parent confirms. */
export async function closurePreview(accountId: string): Promise<ClosurePreview> {
  const account = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { login: true, passwordHash: true, familyId: true, _count: { select: { franceConnectIdentities: true } } },
  });
  const [decidedDemarches, pendingDemarches, documents] = await Promise.all([
    db().demarche.count({ where: { accountId, status: { in: DECIDED } } }),
    db().demarche.count({ where: { accountId, status: { notIn: DECIDED } } }),
    db().document.findMany({
      where: { ownerId: accountId, deletedAt: null },
      select: { families: { select: { familyId: true } }, demarches: { select: { demarche: { select: { status: true } } } } },
    }),
  ]);
  const kept = documents.filter(
    (document) => document.families.length > 0 || document.demarches.some((link) => DECIDED.includes(link.demarche.status)),
  ).length;
  return {
    method: account.login && account.passwordHash ? "password" : "word",
    hasFamily: Boolean(account.familyId),
    decidedDemarches,
    pendingDemarches,
    keptDocuments: kept,
    erasedDocuments: documents.length - kept,
    franceConnect: account._count.franceConnectIdentities > 0,
  };
}
