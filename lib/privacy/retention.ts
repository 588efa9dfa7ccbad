import "server-only";
import { purgeChildFiles } from "@/lib/child-file";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { fileStore } from "@/lib/platform/storage";
import { town } from "@/lib/platform/town";
import type { RetentionPolicy } from "@/lib/platform/town/types";

/**
 * The retention purge (the nightly `privacy.purge` job, lib/privacy/jobs.ts; `npm run purge` by hand): deletes what
 * the portal no longer needs, with the periods of the town configuration (lib/platform/town/towns/<commune>.ts,
 * `retention`). Every category is a
 * "count" and a "delete" over the same condition, so a dry run reports exactly what a real run removes.
 * Idempotent: a second run right after the first finds nothing.
 */

export const PURGE_CATEGORIES = [
  "signupDrafts",
  "accountTokens",
  "loginAttempts",
  "usedChallenges",
  "abandonedDrafts",
  "refusedDemarches",
  "closedAccountDocuments",
  "closedAccounts",
  "unactivatedAccounts",
  "childFiles",
] as const;
export type PurgeCategory = (typeof PURGE_CATEGORIES)[number];
export type PurgeCounts = Record<PurgeCategory, number>;

/** How each count is printed, in French. */
export const PURGE_LABELS: Record<PurgeCategory, string> = {
  signupDrafts: "brouillons de création de compte expirés",
  accountTokens: "liens à usage unique utilisés ou expirés",
  loginAttempts: "tentatives de connexion anciennes",
  usedChallenges: "défis anti-robot expirés",
  abandonedDrafts: "démarches en brouillon abandonnées",
  refusedDemarches: "démarches refusées arrivées au terme de leur conservation",
  closedAccountDocuments: "documents de comptes fermés qui ne sont plus conservés",
  closedAccounts: "comptes fermés effacés ou vidés de leur dernier identifiant",
  unactivatedAccounts: "comptes jamais activés",
  childFiles: "fiches sanitaires d'enfants qui ne fréquentent plus les services",
};

export interface PurgeOptions {
  now?: Date;
  dryRun?: boolean;
  policy?: RetentionPolicy;
  client?: PrismaClient;
  /** The job running this purge, recorded with its audit entry (a retried job checks it to purge once). */
  jobId?: string;
}

export interface PurgeReport {
  dryRun: boolean;
  counts: PurgeCounts;
  /** Storage keys whose file could not be deleted (logged; the rows are gone, the next run will not see them). */
  fileErrors: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

interface StoredFile {
  provider: "LOCAL" | "UPLOADTHING";
  storageKey: string;
}

export async function purge({
  now = new Date(),
  dryRun = false,
  policy = town().retention,
  client = db(),
  jobId,
}: PurgeOptions = {}): Promise<PurgeReport> {
  const counts = Object.fromEntries(PURGE_CATEGORIES.map((category) => [category, 0])) as PurgeCounts;
  const files: StoredFile[] = [];

  // Signup drafts live one day; an abandoned one may still hold the photo uploaded in the wizard.
  const expiredDrafts = await client.signupDraft.findMany({ where: { expiresAt: { lt: now } }, select: { id: true, data: true } });
  counts.signupDrafts = expiredDrafts.length;
  const draftPhotos = expiredDrafts.map((draft) => photoKeyOf(draft.data)).filter((key): key is string => Boolean(key));
  if (!dryRun && expiredDrafts.length > 0) {
    await client.signupDraft.deleteMany({ where: { id: { in: expiredDrafts.map((draft) => draft.id) } } });
    // A photo that became an account's photo is a document now: never delete it from under the account.
    const adopted = new Set(
      (await client.document.findMany({ where: { storageKey: { in: draftPhotos } }, select: { storageKey: true } })).map(
        (d) => d.storageKey,
      ),
    );
    const provider = fileStore().provider;
    files.push(...draftPhotos.filter((key) => !adopted.has(key)).map((storageKey) => ({ provider, storageKey })));
  }

  const tokenCutoff = daysBefore(now, policy.accountTokenDays);
  const tokens: Prisma.AccountTokenWhereInput = { OR: [{ expiresAt: { lt: tokenCutoff } }, { usedAt: { lt: tokenCutoff } }] };
  counts.accountTokens = dryRun
    ? await client.accountToken.count({ where: tokens })
    : (await client.accountToken.deleteMany({ where: tokens })).count;

  const attempts: Prisma.LoginAttemptWhereInput = { createdAt: { lt: daysBefore(now, policy.loginAttemptDays) } };
  counts.loginAttempts = dryRun
    ? await client.loginAttempt.count({ where: attempts })
    : (await client.loginAttempt.deleteMany({ where: attempts })).count;

  const challenges: Prisma.UsedChallengeWhereInput = { expiresAt: { lt: now } };
  counts.usedChallenges = dryRun
    ? await client.usedChallenge.count({ where: challenges })
    : (await client.usedChallenge.deleteMany({ where: challenges })).count;

  // Démarches: their history and attachment links go with them (cascade); the documents stay in their owner's space.
  const abandoned: Prisma.DemarcheWhereInput = { status: "DRAFT", updatedAt: { lt: daysBefore(now, policy.abandonedDraftDays) } };
  counts.abandonedDrafts = dryRun
    ? await client.demarche.count({ where: abandoned })
    : (await client.demarche.deleteMany({ where: abandoned })).count;

  const refusedCutoff = daysBefore(now, policy.refusedDeclarationDays);
  const refused: Prisma.DemarcheWhereInput = {
    status: "REFUSED",
    OR: [{ decidedAt: { lt: refusedCutoff } }, { decidedAt: null, updatedAt: { lt: refusedCutoff } }],
  };
  counts.refusedDemarches = dryRun
    ? await client.demarche.count({ where: refused })
    : (await client.demarche.deleteMany({ where: refused })).count;

  // Closed accounts past their period: documents no dossier or démarche holds any more, then the row itself
  // when nothing references it, or at least the keyed hash of the old identifier.
  const closedCutoff = daysBefore(now, policy.closedAccountDays);
  const closed: Prisma.AccountWhereInput = { status: "CLOSED", closedAt: { lt: closedCutoff } };
  const loose: Prisma.DocumentWhereInput = { owner: closed, families: { none: {} }, demarches: { none: {} } };
  const looseDocuments = await client.document.findMany({
    where: loose,
    select: { id: true, provider: true, storageKey: true, deletedAt: true },
  });
  counts.closedAccountDocuments = looseDocuments.length;
  if (!dryRun && looseDocuments.length > 0) {
    await client.account.updateMany({
      where: { photoDocumentId: { in: looseDocuments.map((d) => d.id) } },
      data: { photoDocumentId: null },
    });
    await client.document.deleteMany({ where: { id: { in: looseDocuments.map((d) => d.id) } } });
    files.push(...looseDocuments.filter((d) => !d.deletedAt));
  }
  // In a dry run the loose documents are still there: count the accounts as the real run would see them.
  const emptied: Prisma.AccountWhereInput = {
    ...closed,
    demarches: { none: {} },
    documents: dryRun ? { every: { id: { in: looseDocuments.map((d) => d.id) } } } : { none: {} },
  };
  const withHash: Prisma.AccountWhereInput = { ...closed, closedLoginHash: { not: null } };
  if (dryRun) {
    counts.closedAccounts = await client.account.count({ where: { OR: [emptied, withHash] } });
  } else {
    const deleted = await client.account.deleteMany({ where: emptied });
    const scrubbed = await client.account.updateMany({ where: withHash, data: { closedLoginHash: null } });
    counts.closedAccounts = deleted.count + scrubbed.count;
  }

  // Accounts never activated: nobody ever signed in to them. Their documents (the photo of the wizard) and
  // links go with them; one that sent a démarche (impossible without signing in) is left alone.
  const unactivated: Prisma.AccountWhereInput = {
    status: "PENDING_ACTIVATION",
    activatedAt: null,
    createdAt: { lt: daysBefore(now, policy.unactivatedAccountDays) },
    demarches: { none: {} },
  };
  if (dryRun) counts.unactivatedAccounts = await client.account.count({ where: unactivated });
  else {
    const ids = (await client.account.findMany({ where: unactivated, select: { id: true } })).map((account) => account.id);
    if (ids.length > 0) {
      const owned = await client.document.findMany({
        where: { ownerId: { in: ids }, families: { none: {} } },
        select: { provider: true, storageKey: true, deletedAt: true },
      });
      const deleted = await client.account.deleteMany({ where: { ...unactivated, id: { in: ids } } });
      counts.unactivatedAccounts = deleted.count;
      files.push(...owned.filter((document) => !document.deletedAt));
    }
  }
  // Children's files (health data) neither changed nor confirmed for the period: the child left the services.
  counts.childFiles = await purgeChildFiles(client, now, policy.childFileDays, dryRun);

  let fileErrors = 0;
  for (const file of files) {
    try {
      await fileStore(file.provider).delete(file.storageKey);
    } catch (error) {
      fileErrors += 1;
      console.error(`[purge] file ${file.storageKey} could not be deleted:`, error instanceof Error ? error.message : error);
    }
  }

  if (!dryRun) {
    await audit(
      {
        actorType: "SYSTEM",
        action: "retention.purged",
        details: { counts, fileErrors, policy: { ...policy }, ...(jobId ? { jobId } : {}) },
      },
      client,
    );
  }
  return { dryRun, counts, fileErrors };
}

function photoKeyOf(data: Prisma.JsonValue): string | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const key = (data as { photoKey?: unknown }).photoKey;
  return typeof key === "string" && /^[0-9a-f-]{36}$/.test(key) ? key : undefined;
}

/** The French lines `npm run purge` prints. */
export function describePurge(report: PurgeReport): string[] {
  const lines = PURGE_CATEGORIES.map((category) => `${report.counts[category].toLocaleString("fr-FR")} ${PURGE_LABELS[category]}`);
  const total = PURGE_CATEGORIES.reduce((sum, category) => sum + report.counts[category], 0);
  return [
    report.dryRun
      ? "Simulation (--dry-run) : rien n'a été supprimé. Seraient supprimés :"
      : "Purge des données arrivées au terme de leur conservation :",
    ...lines.map((line) => `  - ${line}`),
    `Total : ${total.toLocaleString("fr-FR")}${report.fileErrors ? ` ; ${report.fileErrors} fichier(s) n'ont pas pu être supprimés (voir les erreurs ci-dessus)` : ""}.`,
  ];
}
