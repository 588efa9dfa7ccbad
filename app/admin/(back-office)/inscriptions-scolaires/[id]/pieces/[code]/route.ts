import { readSchoolRequestDocument } from "@/lib/school-enrolment";
import { currentStaff } from "@/lib/staff/session";
import { contentDisposition } from "@/lib/platform/storage/http";

/**
 * A document of a school enrolment request, for staff only (the proxy and this handler both check), opened in a new
 * tab or downloaded. Each access goes to the audit log; the answer runs nothing but the browser's PDF viewer.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; code: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const { id, code } = await params;
  const found = await readSchoolRequestDocument({ kind: "staff", id: staff.id }, id, code);
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
