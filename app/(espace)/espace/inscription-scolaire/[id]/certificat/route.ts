import { currentParent } from "@/lib/auth/session";
import { certificateFor } from "@/lib/school-enrolment";
import { DOWNLOAD_CSP } from "@/lib/platform/security/headers";
import { contentDisposition } from "@/lib/platform/storage/http";

/** The « certificat d'inscription » of a validated request: to its family only, never cached by a shared cache. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parent = await currentParent();
  if (!parent) return new Response("Connectez-vous pour télécharger ce certificat.", { status: 401 });
  const found = await certificateFor(parent.id, (await params).id);
  if (!found) return new Response("Certificat introuvable.", { status: 404 });
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(found.bytes.byteLength),
      "Content-Disposition": contentDisposition("attachment", found.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": DOWNLOAD_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
