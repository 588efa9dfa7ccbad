import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { closeAccount } from "@/lib/privacy/closure";
import { describePurge, purge, PURGE_CATEGORIES } from "@/lib/privacy/retention";
import { fileStore } from "@/lib/platform/storage";
import { town } from "@/lib/platform/town";
import { testPrisma } from "../fixtures/db";
import { createDemarche, createMarkedParent, fileExists, storeFile } from "./support/privacy-fixtures";

jest.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.5" }) }));

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const policy = town().retention;
const now = new Date();
const cutoff = (days: number) => new Date(now.getTime() - days * DAY);
/** Just past the period (purged) and just within it (kept). */
const outside = (days: number) => new Date(cutoff(days).getTime() - MINUTE);
const inside = (days: number) => new Date(cutoff(days).getTime() + MINUTE);

async function setUpdatedAt(demarcheId: string, at: Date) {
  await prisma.$executeRaw`UPDATE demarches SET "updatedAt" = ${at} WHERE id = ${demarcheId}::uuid`;
}

/** One row on each side of every period, plus rows no period touches. */
async function arrange() {
  const parent = await createMarkedParent(prisma);
  const photoKey = await fileStore().put({
    bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    mediaType: "image/jpeg",
    fileName: "photo.jpg",
  });
  const expiredDraft = await prisma.signupDraft.create({
    data: { data: { values: {}, completed: [], photoKey }, expiresAt: new Date(now.getTime() - MINUTE) },
  });
  const liveDraft = await prisma.signupDraft.create({ data: { expiresAt: new Date(now.getTime() + MINUTE) } });

  const token = (suffix: string, data: { expiresAt: Date; usedAt?: Date }) =>
    prisma.accountToken.create({
      data: { accountId: parent.id, purpose: "ACTIVATION", tokenHash: `purge-${suffix}-${randomUUID()}`, ...data },
    });
  const tokens = {
    expiredLongAgo: await token("a", { expiresAt: outside(policy.accountTokenDays) }),
    usedLongAgo: await token("b", { expiresAt: new Date(now.getTime() + DAY), usedAt: outside(policy.accountTokenDays) }),
    expiredRecently: await token("c", { expiresAt: inside(policy.accountTokenDays) }),
    usedRecently: await token("d", { expiresAt: inside(policy.accountTokenDays), usedAt: inside(policy.accountTokenDays) }),
    valid: await token("e", { expiresAt: new Date(now.getTime() + DAY) }),
  };

  const attempt = (createdAt: Date) =>
    prisma.loginAttempt.create({
      data: { scope: "parent", identifier: `purge.${parent.marker}`, ipAddress: "203.0.113.1", succeeded: false, createdAt },
    });
  const attempts = { old: await attempt(outside(policy.loginAttemptDays)), recent: await attempt(inside(policy.loginAttemptDays)) };

  const challenges = {
    expired: await prisma.usedChallenge.create({
      data: { signatureHash: `purge-old-${randomUUID()}`, expiresAt: new Date(now.getTime() - MINUTE) },
    }),
    live: await prisma.usedChallenge.create({
      data: { signatureHash: `purge-new-${randomUUID()}`, expiresAt: new Date(now.getTime() + MINUTE) },
    }),
  };

  const abandoned = await createDemarche(prisma, parent.id, "DRAFT", parent.marker);
  await setUpdatedAt(abandoned.id, outside(policy.abandonedDraftDays));
  const recentDraft = await createDemarche(prisma, parent.id, "DRAFT", parent.marker);
  await setUpdatedAt(recentDraft.id, inside(policy.abandonedDraftDays));
  const oldSubmitted = await createDemarche(prisma, parent.id, "SUBMITTED", parent.marker);
  await setUpdatedAt(oldSubmitted.id, outside(policy.abandonedDraftDays));
  const draftDocument = await storeFile(prisma, parent.id, `${parent.marker}-brouillon`);
  await prisma.demarcheDocument.create({ data: { demarcheId: abandoned.id, documentId: draftDocument.id, kind: "AUTRE" } });

  const oldRefused = await createDemarche(prisma, parent.id, "REFUSED", parent.marker, {
    decidedAt: outside(policy.refusedDeclarationDays),
  });
  const recentRefused = await createDemarche(prisma, parent.id, "REFUSED", parent.marker, {
    decidedAt: inside(policy.refusedDeclarationDays),
  });
  const oldAccepted = await createDemarche(prisma, parent.id, "ACCEPTED", parent.marker, {
    decidedAt: outside(policy.refusedDeclarationDays),
  });

  // Closed accounts: one with nothing kept (row deleted), one keeping a decided démarche (row kept, hash dropped),
  // one closed recently (untouched).
  const closedEmpty = await createMarkedParent(prisma);
  const closedEmptyDocument = await storeFile(prisma, closedEmpty.id, `${closedEmpty.marker}-orphelin`);
  await closeAccount(closedEmpty.id);
  const closedKeeping = await createMarkedParent(prisma);
  const keptDemarche = await createDemarche(prisma, closedKeeping.id, "ACCEPTED", closedKeeping.marker);
  await closeAccount(closedKeeping.id);
  const closedRecently = await createMarkedParent(prisma);
  await closeAccount(closedRecently.id);
  // The document above was erased by the closure itself; this one is left with nothing holding it (as when the
  // purge deletes the refused démarche that held it).
  const orphanedLater = await storeFile(prisma, closedKeeping.id, `${closedKeeping.marker}-refusee`);
  await prisma.account.update({ where: { id: closedEmpty.id }, data: { closedAt: outside(policy.closedAccountDays) } });
  await prisma.account.update({ where: { id: closedKeeping.id }, data: { closedAt: outside(policy.closedAccountDays) } });
  await prisma.account.update({ where: { id: closedRecently.id }, data: { closedAt: inside(policy.closedAccountDays) } });
  // An account never activated, created long ago: deleted.
  const neverActivated = await createMarkedParent(prisma);
  await prisma.account.update({
    where: { id: neverActivated.id },
    data: { status: "PENDING_ACTIVATION", activatedAt: null, createdAt: outside(policy.unactivatedAccountDays) },
  });

  return {
    parent,
    photoKey,
    expiredDraft,
    liveDraft,
    tokens,
    attempts,
    challenges,
    demarches: { abandoned, recentDraft, oldSubmitted, oldRefused, recentRefused, oldAccepted },
    draftDocument,
    closed: { closedEmpty, closedEmptyDocument, closedKeeping, keptDemarche, closedRecently, orphanedLater },
    childFiles: await arrangeChildFiles(),
  };
}

/** A child's file left unchanged past the period (the child left the services), and one within it. */
async function arrangeChildFiles() {
  const family = await prisma.family.create({ data: { dossierNumber: `F-P-${randomUUID().slice(0, 12)}` } });
  const file = async (updatedAt: Date) => {
    const child = await prisma.familyMember.create({
      data: { familyId: family.id, role: "CHILD", usageName: "PURGE", firstName: "Enfant" },
    });
    await prisma.childFile.create({
      data: {
        childId: child.id,
        healthSealed: "v1.x.x.x",
        versions: { create: { version: 1, change: "CREATED", schoolYear: "2020-2021", authorName: "Parent", snapshotSealed: "v1.x.x.x" } },
      },
    });
    await prisma.$executeRaw`UPDATE child_files SET "updatedAt" = ${updatedAt} WHERE "childId" = ${child.id}::uuid`;
    return child.id;
  };
  return { left: await file(outside(policy.childFileDays)), current: await file(inside(policy.childFileDays)) };
}

const exists = {
  draft: async (id: string) => (await prisma.signupDraft.count({ where: { id } })) === 1,
  token: async (id: string) => (await prisma.accountToken.count({ where: { id } })) === 1,
  attempt: async (id: bigint) => (await prisma.loginAttempt.count({ where: { id } })) === 1,
  challenge: async (signatureHash: string) => (await prisma.usedChallenge.count({ where: { signatureHash } })) === 1,
  demarche: async (id: string) => (await prisma.demarche.count({ where: { id } })) === 1,
  document: async (id: string) => (await prisma.document.count({ where: { id } })) === 1,
  account: async (id: string) => (await prisma.account.count({ where: { id } })) === 1,
};

describe("the retention purge", () => {
  test("a dry run changes nothing and writes no audit entry, then the real run deletes exactly what it announced", async () => {
    const rows = await arrange();
    const auditsBefore = await prisma.auditLog.count({ where: { action: "retention.purged" } });

    const simulated = await purge({ now, dryRun: true });

    expect(simulated.dryRun).toBe(true);
    expect(await exists.draft(rows.expiredDraft.id)).toBe(true);
    expect(await fileExists(rows.photoKey)).toBe(true);
    expect(await exists.token(rows.tokens.expiredLongAgo.id)).toBe(true);
    expect(await exists.attempt(rows.attempts.old.id)).toBe(true);
    expect(await exists.challenge(rows.challenges.expired.signatureHash)).toBe(true);
    expect(await exists.demarche(rows.demarches.abandoned.id)).toBe(true);
    expect(await exists.demarche(rows.demarches.oldRefused.id)).toBe(true);
    expect(await exists.account(rows.closed.closedEmpty.id)).toBe(true);
    expect(await exists.document(rows.closed.orphanedLater.id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "retention.purged" } })).toBe(auditsBefore);
    for (const category of PURGE_CATEGORIES) expect(simulated.counts[category]).toBeGreaterThanOrEqual(1);

    const real = await purge({ now });

    expect(real.counts).toEqual(simulated.counts);
    const audit = await prisma.auditLog.findFirst({ where: { action: "retention.purged" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorType: "SYSTEM", actorId: null });
    expect(audit?.details).toMatchObject({ counts: real.counts });
    expect(await prisma.childFile.count({ where: { childId: rows.childFiles.left } })).toBe(0);
    expect(await prisma.childFileVersion.count({ where: { childId: rows.childFiles.left } })).toBe(0);
    expect(await prisma.childFile.count({ where: { childId: rows.childFiles.current } })).toBe(1);
  });

  test("each category: rows past their period go, rows within it stay", async () => {
    const rows = await arrange();

    await purge({ now });

    // Signup drafts: expired ones go, with the photo uploaded in the wizard.
    expect(await exists.draft(rows.expiredDraft.id)).toBe(false);
    expect(await fileExists(rows.photoKey)).toBe(false);
    expect(await exists.draft(rows.liveDraft.id)).toBe(true);
    // One-time links: expired or used before the period.
    expect(await exists.token(rows.tokens.expiredLongAgo.id)).toBe(false);
    expect(await exists.token(rows.tokens.usedLongAgo.id)).toBe(false);
    expect(await exists.token(rows.tokens.expiredRecently.id)).toBe(true);
    expect(await exists.token(rows.tokens.usedRecently.id)).toBe(true);
    expect(await exists.token(rows.tokens.valid.id)).toBe(true);
    // Sign-in attempts and redeemed challenges.
    expect(await exists.attempt(rows.attempts.old.id)).toBe(false);
    expect(await exists.attempt(rows.attempts.recent.id)).toBe(true);
    expect(await exists.challenge(rows.challenges.expired.signatureHash)).toBe(false);
    expect(await exists.challenge(rows.challenges.live.signatureHash)).toBe(true);
    // Démarches: an abandoned draft and an old refusal go with their history; the document stays in its owner's space.
    expect(await exists.demarche(rows.demarches.abandoned.id)).toBe(false);
    expect(await prisma.demarcheEvent.count({ where: { demarcheId: rows.demarches.abandoned.id } })).toBe(0);
    expect(await exists.document(rows.draftDocument.id)).toBe(true);
    expect(await exists.demarche(rows.demarches.recentDraft.id)).toBe(true);
    expect(await exists.demarche(rows.demarches.oldSubmitted.id)).toBe(true);
    expect(await exists.demarche(rows.demarches.oldRefused.id)).toBe(false);
    expect(await exists.demarche(rows.demarches.recentRefused.id)).toBe(true);
    expect(await exists.demarche(rows.demarches.oldAccepted.id)).toBe(true);
    // Closed accounts past the period: emptied rows deleted, loose documents and their files deleted, the
    // hash of the old identifier dropped; a recent closure is untouched.
    expect(await exists.account(rows.closed.closedEmpty.id)).toBe(false);
    expect(await exists.document(rows.closed.orphanedLater.id)).toBe(false);
    expect(await fileExists(rows.closed.orphanedLater.storageKey)).toBe(false);
    const keeping = await prisma.account.findUniqueOrThrow({ where: { id: rows.closed.closedKeeping.id } });
    expect(keeping.closedLoginHash).toBeNull();
    expect(await exists.demarche(rows.closed.keptDemarche.id)).toBe(true);
    const recent = await prisma.account.findUniqueOrThrow({ where: { id: rows.closed.closedRecently.id } });
    expect(recent.closedLoginHash).not.toBeNull();
  });

  test("is idempotent: a second run finds nothing and says so in French", async () => {
    await arrange();
    await purge({ now });

    const second = await purge({ now });

    expect(Object.values(second.counts)).toEqual(PURGE_CATEGORIES.map(() => 0));
    const lines = describePurge(second);
    expect(lines[0]).toBe("Purge des données arrivées au terme de leur conservation :");
    expect(lines).toContain("  - 0 démarches en brouillon abandonnées");
    expect(lines.at(-1)).toBe("Total : 0.");
  });
});
