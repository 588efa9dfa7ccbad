import { NextResponse, type NextRequest } from "next/server";
import { currentParent } from "@/lib/auth/session";
import { settleOnlinePayment } from "@/lib/billing";
import { invoiceOfPayment } from "@/lib/billing/online-payment";

/**
 * Where PayFiP sends the payer back (?idop=…). The outcome is asked to PayFiP, never read from this request;
 * the invoice page then says what happened (and checks the invoice is the parent's).
 */
export async function GET(request: NextRequest): Promise<Response> {
  return back(request.nextUrl.searchParams.get("idop") ?? "");
}

/** PayFiP may also post the idop back in a form. */
export async function POST(request: NextRequest): Promise<Response> {
  const body = await request.text().catch(() => "");
  return back(new URLSearchParams(body.slice(0, 2_000)).get("idop") ?? request.nextUrl.searchParams.get("idop") ?? "");
}

async function back(idOp: string): Promise<Response> {
  // The payer comes back in the browser that holds their session; anyone else learns nothing here.
  if (!(await currentParent())) return new Response("Connectez-vous pour voir le résultat de votre paiement.", { status: 401 });
  const status = await settleOnlinePayment(idOp);
  const invoiceId = status ? await invoiceOfPayment(idOp) : null;
  const target = invoiceId ? `/espace/factures/${invoiceId}?paiement=${status}` : "/espace/factures";
  return new NextResponse(null, { status: 303, headers: { location: target } });
}
