import { childKeyLetter } from "@/lib/dossier/service";
import { env } from "@/lib/platform/env";
import { staffCaller } from "@/lib/staff/session";
import { DOWNLOAD_CSP } from "@/lib/platform/security/headers";
import { contentDisposition } from "@/lib/platform/storage/http";

/**
 * The Clé Enfance letter (PDF), posted from the screen that showed the key once. A route handler has no
 * server-action origin check of its own: a cross-site post is refused here, then the staff session
 * (proxy, staffCaller, and the lib function) and the key itself are checked.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(env().APP_URL).origin && origin !== new URL(request.url).origin) {
    return new Response("Requête refusée.", { status: 403 });
  }
  const caller = await staffCaller();
  const form = await request.formData().catch(() => null);
  const letter = await childKeyLetter(caller, (await params).id, String(form?.get("cle") ?? ""));
  if (!letter) return new Response("Cette Clé Enfance n'est pas la clé en cours de ce dossier.", { status: 404 });
  return new Response(new Uint8Array(letter.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(letter.bytes.byteLength),
      "Content-Disposition": contentDisposition("attachment", letter.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": DOWNLOAD_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
