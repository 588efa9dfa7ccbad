import "server-only";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";
import { audit } from "@/lib/platform/audit/index";

/**
 * The audit-log viewer of /admin/journal: administrators only, read-only (nothing in the portal updates
 * or deletes a row, and the database refuses it anyway). Newest first, keyset pagination on the id so a
 * page stays fast however long the log grows.
 */
export const AUDIT_PAGE_SIZE = 50;

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** A filter typed in the address bar: anything unusable (too long, control characters) is ignored. */
const filterText = z
  .string()
  .trim()
  .max(100)
  .refine((value) => !hasForbiddenCharacters(value))
  .optional()
  .catch(undefined);

export const auditFiltersSchema = z.object({
  acteur: filterText,
  action: filterText,
  cible: filterText,
  du: date,
  au: date,
  avant: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Midnight in Paris of a yyyy-mm-dd day, as an instant (the log is kept in UTC). */
export function parisMidnight(day: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const offset =
    new Date(utc.toLocaleString("en-US", { timeZone: "Europe/Paris" })).getTime() -
    new Date(utc.toLocaleString("en-US", { timeZone: "UTC" })).getTime();
  return new Date(utc.getTime() - offset);
}

async function whereOf(filters: AuditFilters): Promise<Prisma.AuditLogWhereInput> {
  const where: Prisma.AuditLogWhereInput = {};
  if (filters.acteur) {
    // An identifier of a staff member or parent, or a raw id.
    const [staff, account] = await Promise.all([
      db().staffUser.findUnique({ where: { login: filters.acteur.toLowerCase() }, select: { id: true } }),
      db().account.findUnique({ where: { login: filters.acteur.toLowerCase() }, select: { id: true } }),
    ]);
    where.actorId = staff?.id ?? account?.id ?? filters.acteur;
  }
  if (filters.action) where.action = { startsWith: filters.action };
  if (filters.cible) where.OR = [{ targetId: filters.cible }, { targetType: filters.cible }];
  if (filters.du || filters.au) {
    where.at = {
      ...(filters.du ? { gte: parisMidnight(filters.du) } : {}),
      ...(filters.au ? { lt: new Date(parisMidnight(filters.au).getTime() + 86_400_000) } : {}),
    };
  }
  if (filters.avant) where.id = { lt: BigInt(filters.avant) };
  return where;
}

export async function listAuditEntries(caller: Caller, rawFilters: AuditFilters) {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  const filters: AuditFilters = auditFiltersSchema.safeParse(rawFilters).data ?? {};
  const rows = await db().auditLog.findMany({ where: await whereOf(filters), orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const staffIds = [...new Set(page.filter((row) => row.actorType === "STAFF" && row.actorId).map((row) => row.actorId!))];
  const staff = await db().staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, login: true, displayName: true } });
  const names = new Map(staff.map((member) => [member.id, `${member.displayName} (${member.login})`]));
  // Reading the log is itself an access worth tracing.
  const shown = Object.fromEntries(Object.entries(filters).filter(([key, value]) => key !== "avant" && value));
  await audit({ ...staffAudit(actor), action: "audit_log.viewed", details: shown });
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      actor:
        row.actorType === "STAFF"
          ? (names.get(row.actorId ?? "") ?? row.actorId ?? "")
          : row.actorType === "ACCOUNT"
            ? `Parent ${row.actorId ?? ""}`
            : row.actorType === "SYSTEM"
              ? "Système"
              : "Anonyme",
      actorType: row.actorType,
      action: row.action,
      target: row.targetType ? `${row.targetType}${row.targetId ? ` ${row.targetId}` : ""}` : "",
      ipAddress: row.ipAddress ?? "",
      details: row.details === null ? "" : JSON.stringify(row.details),
    })),
    nextCursor: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}
