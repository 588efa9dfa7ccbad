import { readPublicDocumentForStaff } from "@/lib/content/public-documents-admin";
import { staffCaller } from "@/lib/staff/session";
import { contentDisposition } from "@/lib/platform/storage/http";

/** A document as staff check it, published or not: staff session required (proxy, here, and in the lib). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const document = await readPublicDocumentForStaff(await staffCaller(), (await params).id);
  if (!document) return new Response("Document introuvable.", { status: 404 });
  return new Response(new Uint8Array(document.bytes), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(document.bytes.byteLength),
      "Content-Disposition": contentDisposition("inline", document.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
