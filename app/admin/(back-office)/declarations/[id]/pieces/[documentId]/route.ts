import { readDeclarationDocument } from "@/lib/review/service";
import { currentStaff } from "@/lib/staff/session";
import { staffDocumentResponse } from "@/lib/platform/storage/http";

/**
 * A document sent with a declaration, for staff only (the proxy and this handler both check), shown
 * inline in the review page's frame or downloaded. Each access goes to the audit log.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const { id, documentId } = await params;
  const found = await readDeclarationDocument({ kind: "staff", id: staff.id }, id, documentId);
  if (!found) return new Response("Document introuvable.", { status: 404 });
  return staffDocumentResponse(request, found.document, found.bytes);
}
