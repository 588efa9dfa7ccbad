import type { PrismaClient } from "@/lib/generated/prisma/client";
import { holdsForbidden } from "../../support/hostile";

/**
 * Every row a hostile test could have written, read back: none may hold a control character, a bidi
 * override, a lone surrogate, or U+FFFD (the trace of a lone surrogate the driver replaced). Inputs that went
 * through a FormData already had their lone surrogates replaced by U+FFFD (as a browser's UTF-8 body
 * would): then `replacementCharacter: false`.
 * Returns "table id" of each offending row.
 */
export async function rowsWithForbiddenText(prisma: PrismaClient, { replacementCharacter = true } = {}): Promise<string[]> {
  const tables: [string, { id: unknown }[]][] = [
    ["accounts", await prisma.account.findMany()],
    ["demarches", await prisma.demarche.findMany({ select: { id: true, data: true, reference: true } })],
    ["documents", await prisma.document.findMany({ select: { id: true, fileName: true } })],
    ["news", await prisma.newsItem.findMany()],
    ["public_documents", await prisma.publicDocument.findMany()],
    ["staff_users", await prisma.staffUser.findMany({ select: { id: true, login: true, email: true, displayName: true } })],
    ["town_settings", (await prisma.townSetting.findMany()).map((row) => ({ ...row, id: row.key }))],
    ["family_members", await prisma.familyMember.findMany({ select: { id: true, usageName: true, firstName: true } })],
    ["signup_drafts", await prisma.signupDraft.findMany({ select: { id: true, data: true } })],
    ["audit_logs", await prisma.auditLog.findMany({ select: { id: true, action: true, targetType: true, targetId: true, actorId: true, details: true } })],
    ["login_attempts", await prisma.loginAttempt.findMany({ select: { id: true, identifier: true, scope: true } })],
  ];
  const offending: string[] = [];
  for (const [table, rows] of tables) {
    for (const row of rows) {
      const text = JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
      if (holdsForbidden(row) || (replacementCharacter && text.includes("\ufffd"))) offending.push(`${table} ${text.slice(0, 300)}`);
    }
  }
  return offending;
}
