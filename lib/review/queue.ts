import "server-only";
import { audit } from "@/lib/platform/audit";
import { parisMidnight } from "@/lib/journal";
import { db } from "@/lib/platform/db";
import type { DemarcheStatus, Prisma } from "@/lib/generated/prisma/client";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { QUEUE_PAGE_SIZE, QUEUE_TABS, type QueueFilters } from "./schemas";

/**
 * The review queue: family declarations by status, searched and sorted, one page at a time.
 * Keyset pagination (the page after the last row seen, never OFFSET), on an index of
 * (kind, status, submittedAt, id): the hundredth page costs what the first one does.
 */

interface Cursor {
  /** submittedAt as ISO, or the holder's usage name when sorting by name. */
  k: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof parsed.k !== "string" || typeof parsed.id !== "string" || !/^[0-9a-f-]{36}$/.test(parsed.id)) return null;
    if (parsed.k.length > 200) return null;
    return { k: parsed.k, id: parsed.id };
  } catch {
    return null;
  }
}

const statusOf = (slug: QueueFilters["statut"]): DemarcheStatus => QUEUE_TABS.find((tab) => tab.slug === slug)!.status;

/**
 * Each word must match the holder's name, first names or email; a word shaped like a reference
 * ("D-2026-…") or a dossier number ("F-2026-…") is looked up there instead. One relation filter per
 * word (not one per field) keeps the plan to a single join.
 */
function searchWhere(text: string): Prisma.DemarcheWhereInput {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 4);
  return {
    AND: words.map((word): Prisma.DemarcheWhereInput => {
      if (/^d-\d{4}-/i.test(word)) return { reference: { startsWith: word.toUpperCase() } };
      if (/^f-\d{4}-/i.test(word)) return { family: { dossierNumber: { startsWith: word.toUpperCase() } } };
      return {
        account: {
          OR: [
            { usageName: { contains: word, mode: "insensitive" } },
            { firstNames: { contains: word, mode: "insensitive" } },
            { email: { contains: word, mode: "insensitive" } },
          ],
        },
      };
    }),
  };
}

export async function listQueue(caller: Caller, filters: QueueFilters) {
  const actor = await authorizeStaff(caller);
  const status = statusOf(filters.statut);
  const base: Prisma.DemarcheWhereInput = { kind: "FAMILY_DECLARATION" };
  const filtered: Prisma.DemarcheWhereInput[] = [];
  if (filters.q) filtered.push(searchWhere(filters.q));
  if (filters.du || filters.au) {
    filtered.push({
      submittedAt: {
        ...(filters.du ? { gte: parisMidnight(filters.du) } : {}),
        ...(filters.au ? { lt: new Date(parisMidnight(filters.au).getTime() + 86_400_000) } : {}),
      },
    });
  }
  if (filters.mes) filtered.push({ assignedToId: actor.id });

  const cursor = decodeCursor(filters.apres);
  const after: Prisma.DemarcheWhereInput[] = [];
  let orderBy: Prisma.DemarcheOrderByWithRelationInput[];
  if (filters.tri === "nom") {
    orderBy = [{ account: { usageName: "asc" } }, { id: "asc" }];
    if (cursor)
      after.push({
        account: { usageName: { gte: cursor.k } },
        OR: [{ account: { usageName: { gt: cursor.k } } }, { id: { gt: cursor.id } }],
      });
  } else {
    const direction = filters.tri === "recentes" ? "desc" : "asc";
    orderBy = [{ submittedAt: direction }, { id: direction }];
    if (cursor) {
      const at = new Date(cursor.k);
      if (!Number.isNaN(at.getTime())) {
        // The plain bound (>= / <=) lets PostgreSQL start the index scan at the cursor; the OR settles ties.
        after.push(
          direction === "asc"
            ? { submittedAt: { gte: at }, OR: [{ submittedAt: { gt: at } }, { id: { gt: cursor.id } }] }
            : { submittedAt: { lte: at }, OR: [{ submittedAt: { lt: at } }, { id: { lt: cursor.id } }] },
        );
      }
    }
  }

  const [rows, counts] = await Promise.all([
    db().demarche.findMany({
      where: { ...base, status, AND: [...filtered, ...after] },
      orderBy,
      take: QUEUE_PAGE_SIZE + 1,
      select: {
        id: true,
        reference: true,
        status: true,
        submittedAt: true,
        updatedAt: true,
        data: true,
        account: { select: { civility: true, usageName: true, firstNames: true, email: true } },
        assignedTo: { select: { id: true, displayName: true } },
        family: { select: { dossierNumber: true } },
        // Not `_count`: Prisma would aggregate the whole demarche_documents table to count 25 rows' documents.
        documents: { select: { documentId: true } },
      },
    }),
    // The tab counts follow the search and dates, not the page.
    db().demarche.groupBy({ by: ["status"], where: { ...base, status: { not: "DRAFT" }, AND: filtered }, _count: { _all: true } }),
  ]);
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > QUEUE_PAGE_SIZE && last
      ? encodeCursor({ k: filters.tri === "nom" ? last.account.usageName : (last.submittedAt?.toISOString() ?? ""), id: last.id })
      : null;
  if (filters.q)
    await audit({ ...staffAudit(actor), action: "declaration.searched", details: { query: filters.q, status, results: page.length } });
  return {
    rows: page.map((row) => {
      const data = (row.data ?? {}) as { children?: unknown[]; co?: unknown };
      return {
        id: row.id,
        reference: row.reference,
        status: row.status,
        submittedAt: row.submittedAt,
        holder: `${row.account.firstNames} ${row.account.usageName.toUpperCase()}`,
        email: row.account.email,
        children: Array.isArray(data.children) ? data.children.length : 0,
        documents: row.documents.length,
        assignedTo: row.assignedTo,
        dossierNumber: row.family?.dossierNumber ?? null,
      };
    }),
    nextCursor,
    counts: QUEUE_TABS.map((tab) => ({ ...tab, count: counts.find((entry) => entry.status === tab.status)?._count._all ?? 0 })),
  };
}
