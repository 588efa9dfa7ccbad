import "server-only";
import { db } from "@/lib/db";
import { authorizeStaff, type Caller } from "@/lib/staff/authorize";

/** The queue's statuses as staff name them; the review queue itself comes with the declaration review. */
export const QUEUE_STATUSES = [
  { status: "SUBMITTED", label: "À traiter" },
  { status: "IN_REVIEW", label: "En cours" },
  { status: "NEEDS_CORRECTION", label: "À compléter" },
  { status: "ACCEPTED", label: "Validées" },
  { status: "REFUSED", label: "Refusées" },
] as const;

export async function dashboardCounts(caller: Caller) {
  await authorizeStaff(caller);
  const [byStatus, knownFamilies, publishedNews, draftNews, documents] = await Promise.all([
    db().demarche.groupBy({ by: ["status"], where: { kind: "FAMILY_DECLARATION" }, _count: { _all: true } }),
    db().family.count({ where: { status: "KNOWN" } }),
    db().newsItem.count({ where: { publishedAt: { lte: new Date() } } }),
    db().newsItem.count({ where: { publishedAt: null } }),
    db().publicDocument.count({ where: { publishedAt: { not: null } } }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    queue: QUEUE_STATUSES.map((entry) => ({ ...entry, count: count(entry.status) })),
    knownFamilies,
    publishedNews,
    draftNews,
    documents,
  };
}
