import { attestationForStaff } from "@/lib/billing/quotient";
import { DOWNLOAD_CSP } from "@/lib/platform/security/headers";
import { currentStaff } from "@/lib/staff/session";
import { contentDisposition } from "@/lib/platform/storage/http";

/** The attestation a parent uploaded, for staff only, isolated like every download; each opening audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const found = await attestationForStaff({ kind: "staff", id: staff.id }, (await params).id);
  if (!found) return new Response("Attestation introuvable.", { status: 404 });
  return new Response(new Uint8Array(found.bytes), {
    headers: {
      "Content-Type": found.document.mediaType,
      "Content-Disposition": contentDisposition("inline", found.document.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": DOWNLOAD_CSP,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
