import "server-only";
import { db } from "@/lib/platform/db";
import { QUEUE_TABS } from "@/lib/review/schemas";
import { authorizeStaff, type Caller } from "@/lib/platform/security/authorize";

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
    queue: QUEUE_TABS.map((entry) => ({ ...entry, count: count(entry.status) })),
    knownFamilies,
    publishedNews,
    draftNews,
    documents,
  };
}
