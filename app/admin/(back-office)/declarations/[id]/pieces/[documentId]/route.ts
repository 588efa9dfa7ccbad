import { readDeclarationDocument } from "@/lib/review/service";
import { currentStaff } from "@/lib/staff/session";
import { contentDisposition } from "@/lib/platform/storage/http";

/**
 * A document sent with a declaration, for staff only (the proxy and this handler both check), shown
 * inline in the review page's frame or downloaded. Each access goes to the audit log. The answer may be
 * framed by the portal's own pages only, and runs nothing: no script, no form, no plugin but the PDF viewer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const { id, documentId } = await params;
  const found = await readDeclarationDocument({ kind: "staff", id: staff.id }, id, documentId);
  if (!found) return new Response("Document introuvable.", { status: 404 });
  const download = new URL(request.url).searchParams.has("telecharger");
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.document.mediaType,
      "Content-Length": String(found.bytes.byteLength),
      "Content-Disposition": contentDisposition(download ? "attachment" : "inline", found.document.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'",
      "X-Frame-Options": "SAMEORIGIN",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
