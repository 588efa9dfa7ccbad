import { NextResponse, type NextRequest } from "next/server";
import { settleOnlinePayment } from "@/lib/billing";
import { invoiceOfPayment } from "@/lib/billing/online-payment";

/**
 * Where PayFiP sends the payer back (?idop=…). The outcome is asked to PayFiP, never read from this request;
 * the invoice page then says what happened (and checks the invoice is the parent's).
 */
export async function GET(request: NextRequest): Promise<Response> {
  const idOp = request.nextUrl.searchParams.get("idop") ?? "";
  const status = await settleOnlinePayment(idOp);
  const invoiceId = status ? await invoiceOfPayment(idOp) : null;
  const target = invoiceId ? `/espace/factures/${invoiceId}?paiement=${status}` : "/espace/factures";
  return new NextResponse(null, { status: 303, headers: { location: target } });
}

export const POST = GET;
