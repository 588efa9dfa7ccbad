import { readSchoolRequestDocument } from "@/lib/school-enrolment";
import { currentStaff } from "@/lib/staff/session";
import { staffDocumentResponse } from "@/lib/platform/storage/http";

/**
 * A document of a school enrolment request, for staff only (the proxy and this handler both check), opened or
 * downloaded. Each access goes to the audit log.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; code: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const { id, code } = await params;
  const found = await readSchoolRequestDocument({ kind: "staff", id: staff.id }, id, code);
  if (!found) return new Response("Document introuvable.", { status: 404 });
  return staffDocumentResponse(request, found.document, found.bytes);
}
