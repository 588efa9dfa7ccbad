import "server-only";
import { PUBLIC_CONTENT_TTL_MS, shortLived } from "@/lib/platform/cache/short-lived";
import { countPublishedNews, listPublishedNews } from "./news";
import { listPublicDocuments } from "./public-documents";

/**
 * What the public pages show of the news and documents, read at most every few seconds per process
 * (lib/cache/short-lived.ts); the staff editors' actions forget it at once in their process.
 */
const news = shortLived(PUBLIC_CONTENT_TTL_MS, (page: { limit: number; offset: number }) => listPublishedNews(page));
const newsCount = shortLived(PUBLIC_CONTENT_TTL_MS, () => countPublishedNews());
const documents = shortLived(PUBLIC_CONTENT_TTL_MS, () => listPublicDocuments());

export const publishedNews = (limit: number, offset = 0) => news.get({ limit, offset });
export const publishedNewsCount = () => newsCount.get(undefined);
export const publicDocuments = () => documents.get(undefined);

export function forgetPublicContent(): void {
  news.forget();
  newsCount.forget();
  documents.forget();
}
