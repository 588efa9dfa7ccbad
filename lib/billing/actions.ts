"use server";

import { redirect } from "next/navigation";
import { ExpectedError } from "@/lib/platform/errors";
import { requireParent } from "@/lib/auth";
import { startOnlinePayment } from "./online-payment";

/** "Payer en ligne": the payment row is written, then the parent goes to PayFiP's page. */
export async function payOnlineAction(formData: FormData): Promise<void> {
  const invoiceId = String(formData.get("invoice") ?? "");
  const parent = await requireParent(`/espace/factures/${invoiceId}`);
  let target: string;
  try {
    target = (await startOnlinePayment(parent.id, invoiceId)).redirectUrl;
  } catch (error) {
    if (error instanceof ExpectedError)
      redirect(`/espace/factures/${encodeURIComponent(invoiceId)}?erreur=${encodeURIComponent(error.message)}`);
    throw error;
  }
  redirect(target);
}
