import { currentParent } from "@/lib/auth/session";
import { readOwnDocument } from "@/lib/documents/service";
import { DOWNLOAD_CSP } from "@/lib/platform/security/headers";
import { contentDisposition } from "@/lib/platform/storage/http";

/**
 * A parent's own document, to its owner only, never cached by a shared cache. Served as a download
 * in a sandbox: a hostile PDF or image opened from here cannot run anything in the portal's origin.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parent = await currentParent();
  if (!parent) return new Response("Connectez-vous pour consulter ce document.", { status: 401 });
  const found = await readOwnDocument(parent.id, (await params).id);
  if (!found) return new Response("Document introuvable.", { status: 404 });
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.document.mediaType,
      "Content-Length": String(found.bytes.byteLength),
      "Content-Disposition": contentDisposition("attachment", found.document.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": DOWNLOAD_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
