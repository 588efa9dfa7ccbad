import "server-only";
import { db } from "@/lib/platform/db";

/** "Documents à télécharger": public forms and guides, in the order staff chose. */
export async function listPublicDocuments() {
  return db().publicDocument.findMany({
    where: { publishedAt: { lte: new Date() } },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, description: true, fileName: true, mediaType: true, size: true },
  });
}

export async function getPublicDocument(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db().publicDocument.findFirst({
    where: { id, publishedAt: { lte: new Date() } },
    select: { id: true, fileName: true, mediaType: true, size: true, provider: true, storageKey: true },
  });
}
