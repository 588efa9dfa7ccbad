import type { PrismaClient } from "@/lib/generated/prisma/client";
import { holdsForbidden } from "../../support/hostile";

/**
 * Every row a hostile test could have written, read back: none may hold a control character, a bidi
 * override or a lone surrogate. With `replacementCharacterSince`, rows written since then may not hold
 * U+FFFD either (the trace of a lone surrogate the driver replaced); leave it out when the inputs went
 * through a FormData, which already replaces lone surrogates by U+FFFD (as a browser's UTF-8 body would).
 * Returns "table row" of each offending row.
 */
export async function rowsWithForbiddenText(
  prisma: PrismaClient,
  { replacementCharacterSince }: { replacementCharacterSince?: Date } = {},
): Promise<string[]> {
  const tables: [string, { id: unknown; createdAt?: Date; at?: Date; updatedAt?: Date }[]][] = [
    ["accounts", await prisma.account.findMany()],
    ["demarches", await prisma.demarche.findMany({ select: { id: true, data: true, reference: true, createdAt: true, updatedAt: true } })],
    ["documents", await prisma.document.findMany({ select: { id: true, fileName: true, createdAt: true } })],
    ["news", await prisma.newsItem.findMany()],
    ["public_documents", await prisma.publicDocument.findMany()],
    [
      "staff_users",
      await prisma.staffUser.findMany({ select: { id: true, login: true, email: true, displayName: true, createdAt: true } }),
    ],
    ["town_settings", (await prisma.townSetting.findMany()).map((row) => ({ ...row, id: row.key }))],
    ["family_members", await prisma.familyMember.findMany({ select: { id: true, usageName: true, firstName: true, createdAt: true } })],
    ["signup_drafts", await prisma.signupDraft.findMany({ select: { id: true, data: true, createdAt: true, updatedAt: true } })],
    [
      "audit_logs",
      await prisma.auditLog.findMany({
        select: { id: true, action: true, targetType: true, targetId: true, actorId: true, details: true, at: true },
      }),
    ],
    ["login_attempts", await prisma.loginAttempt.findMany({ select: { id: true, identifier: true, scope: true, createdAt: true } })],
  ];
  const offending: string[] = [];
  for (const [table, rows] of tables) {
    for (const row of rows) {
      const text = JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
      const written = row.updatedAt ?? row.createdAt ?? row.at;
      const recent = replacementCharacterSince !== undefined && written !== undefined && written >= replacementCharacterSince;
      if (holdsForbidden(row) || (recent && text.includes("\ufffd"))) offending.push(`${table} ${text.slice(0, 300)}`);
    }
  }
  return offending;
}
