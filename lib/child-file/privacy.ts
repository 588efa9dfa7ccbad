import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { childrenForParent } from "./access";
import { contentOf, unsealJson } from "./sealing";
import type { ChildFileContent } from "./schemas";

/**
 * The child's file in the parents' rights (RGPD): in the data export (with its full history, opened), erased
 * when the family's last parent account closes, and purged once the child has left the services.
 */

export async function exportChildFiles(accountId: string) {
  const children = await childrenForParent(accountId);
  const files = await db().childFile.findMany({
    where: { childId: { in: children.map((child) => child.id) } },
    include: { versions: { orderBy: { version: "asc" } } },
  });
  return files.map((file) => ({
    childId: file.childId,
    firstName: children.find((child) => child.id === file.childId)?.firstName ?? null,
    version: file.version,
    confirmedSchoolYear: file.confirmedSchoolYear,
    confirmedAt: file.confirmedAt,
    content: contentOf(file),
    history: file.versions.map((version) => ({
      version: version.version,
      change: version.change,
      schoolYear: version.schoolYear,
      at: version.createdAt,
      by: version.authorAccountId === accountId ? "vous" : version.authorName,
      changedFields: version.changedFields,
      content: unsealJson<ChildFileContent>(version.snapshotSealed),
    })),
  }));
}

export const CLOSED_AUTHOR = "Un parent (compte fermé)";

/**
 * At an account's closure (inside its transaction): its name leaves the files' history; and when no other
 * parent account remains in the family, the children's files (health data) serve nobody and are erased.
 * Returns how many files were erased.
 */
export async function eraseChildFilesAtClosure(tx: Prisma.TransactionClient, accountId: string, familyId: string | null): Promise<number> {
  await tx.childFileVersion.updateMany({
    where: { authorAccountId: accountId },
    data: { authorAccountId: null, authorName: CLOSED_AUTHOR },
  });
  if (!familyId) return 0;
  const others = await tx.account.count({ where: { familyId, id: { not: accountId }, status: { not: "CLOSED" } } });
  if (others > 0) return 0;
  return (await tx.childFile.deleteMany({ where: { child: { familyId } } })).count;
}

/** Files neither changed nor confirmed for the town's period: the child has left the services. */
export function staleChildFiles(now: Date, days: number): Prisma.ChildFileWhereInput {
  return { updatedAt: { lt: new Date(now.getTime() - days * 24 * 60 * 60 * 1000) } };
}

export async function purgeChildFiles(client: PrismaClient, now: Date, days: number, dryRun: boolean): Promise<number> {
  const where = staleChildFiles(now, days);
  return dryRun ? client.childFile.count({ where }) : (await client.childFile.deleteMany({ where })).count;
}
