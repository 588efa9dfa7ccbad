import { currentParent } from "@/lib/auth/session";
import { getFamilyInvoice } from "@/lib/billing/invoices";
import { invoicePdf } from "@/lib/billing/pdf";
import { contentDisposition } from "@/lib/platform/storage/http";

/** The invoice's PDF, for the parents of its family only; never kept by a shared cache. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parent = await currentParent();
  if (!parent) return new Response("Connectez-vous pour télécharger cette facture.", { status: 401 });
  const invoice = await getFamilyInvoice(parent.id, (await params).id);
  if (!invoice) return new Response("Facture introuvable.", { status: 404 });
  const bytes = await invoicePdf(invoice);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition("attachment", `${invoice.number ?? "facture"}.pdf`),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
