import { getPublicDocument } from "@/lib/content/public-documents";
import { fileStore } from "@/lib/platform/storage";
import { DOWNLOAD_CSP } from "@/lib/platform/security/headers";
import { contentDisposition } from "@/lib/platform/storage/http";

/** Public forms and guides only: parents' documents are never served from here. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const document = await getPublicDocument((await params).id);
  if (!document) return new Response("Document introuvable.", { status: 404 });
  const bytes = await fileStore(document.provider).get(document.storageKey);
  if (!bytes) return new Response("Document introuvable.", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition("attachment", document.fileName),
      "Cache-Control": "public, max-age=3600",
      "Content-Security-Policy": DOWNLOAD_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
