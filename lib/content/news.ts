import "server-only";
import { db } from "@/lib/platform/db";

export interface NewsSummary {
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date;
}

/** Published news, newest first. */
export async function listPublishedNews({ limit, offset = 0 }: { limit: number; offset?: number }): Promise<NewsSummary[]> {
  const rows = await db().newsItem.findMany({
    where: { publishedAt: { lte: new Date() } },
    orderBy: { publishedAt: "desc" },
    take: limit,
    skip: offset,
    select: { slug: true, title: true, summary: true, publishedAt: true },
  });
  return rows.map((row) => ({ ...row, publishedAt: row.publishedAt ?? new Date(0) }));
}

export async function countPublishedNews(): Promise<number> {
  return db().newsItem.count({ where: { publishedAt: { lte: new Date() } } });
}

export async function getPublishedNews(slug: string) {
  return db().newsItem.findFirst({
    where: { slug, publishedAt: { lte: new Date() } },
    select: { slug: true, title: true, summary: true, body: true, publishedAt: true },
  });
}
