import { settleOnlinePayment } from "@/lib/billing";

/**
 * PayFiP's server-to-server notification: `idop=…` in a form body. Its content is only a hint: the outcome is
 * asked to PayFiP (recupererDetailPaiementSecurise) and applied once, so a replayed or forged notification
 * changes nothing.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text().catch(() => "");
  const idOp = new URLSearchParams(body.slice(0, 2_000)).get("idop") ?? new URLSearchParams(body.slice(0, 2_000)).get("idOp");
  if (idOp) await settleOnlinePayment(idOp);
  return new Response("OK", { status: 200, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
