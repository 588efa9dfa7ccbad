"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { done, invalid, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { staffCaller } from "@/lib/staff";
import {
  COUNTER_METHODS,
  issueCorrectiveInvoice,
  issueCreditNote,
  recordCounterPayment,
  recordRefund,
  type CounterMethod,
} from "./counter";
import { parseEuros } from "./money";
import { rejectAttestation, validateAttestation } from "./quotient";
import { computeDraft, correctDraftLine, publishRun } from "./runs";

/** Back-office actions of billing: each checks the staff member again (staffCaller) and returns field errors. */
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").trim();

function amountOf(previous: AdminFormState, formData: FormData): number | AdminFormState {
  const cents = parseEuros(text(formData, "amount"));
  return cents === null || cents <= 0
    ? invalid(previous, formData, { amount: "Saisissez un montant en euros, par exemple 12,50." })
    : cents;
}

export async function computeDraftAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const month = text(formData, "month");
    if (!/^\d{4}-\d{2}$/.test(month))
      return invalid(previous, formData, { month: "Saisissez le mois au format aaaa-mm, par exemple 2026-11." });
    const result = await computeDraft(caller, text(formData, "regie"), month);
    redirect(`/admin/facturation/campagnes/${result.runId}?calculee=${result.invoices}`);
  });
}

export async function correctLineAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const reason = text(formData, "reason");
    if (!reason) return invalid(previous, formData, { reason: "Indiquez le motif de la correction." });
    const line = text(formData, "line");
    if (formData.get("exclude") === "on") {
      await correctDraftLine(caller, line, { exclude: true, reason });
    } else {
      const cents = parseEuros(text(formData, "amount"));
      if (cents === null)
        return invalid(previous, formData, { amount: "Saisissez un montant en euros (0 pour ne rien facturer), par exemple 3,30." });
      await correctDraftLine(caller, line, { amountCents: cents, reason });
    }
    revalidatePath(`/admin/facturation/campagnes/${text(formData, "run")}`);
    return done(previous, "La ligne est corrigée.");
  });
}

export async function publishRunAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    if (formData.get("confirmation") !== "on")
      return invalid(previous, formData, { confirmation: "Cochez la case pour confirmer la publication." });
    const runId = text(formData, "run");
    const result = await publishRun(caller, runId);
    redirect(`/admin/facturation/campagnes/${runId}?publiee=${result.invoices}`);
  });
}

export async function counterPaymentAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const amount = amountOf(previous, formData);
    if (typeof amount !== "number") return amount;
    const method = text(formData, "method") as CounterMethod;
    if (!COUNTER_METHODS.includes(method)) return invalid(previous, formData, { method: "Choisissez le mode de paiement." });
    await recordCounterPayment(caller, text(formData, "invoice"), { method, amountCents: amount, reference: text(formData, "reference") });
    revalidatePath(`/admin/facturation/factures/${text(formData, "invoice")}`);
    return done(previous, "Le paiement est enregistré.");
  });
}

export async function creditNoteAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const amount = amountOf(previous, formData);
    if (typeof amount !== "number") return amount;
    const kind = text(formData, "kind");
    const invoiceId = text(formData, "invoice");
    const result =
      kind === "corrective"
        ? await issueCorrectiveInvoice(caller, invoiceId, { amountCents: amount, reason: text(formData, "reason") })
        : await issueCreditNote(caller, invoiceId, { amountCents: amount, reason: text(formData, "reason") });
    revalidatePath(`/admin/facturation/factures/${invoiceId}`);
    return done(previous, `${kind === "corrective" ? "Facture rectificative" : "Avoir"} ${result.number} émis.`);
  });
}

export async function refundAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const amount = amountOf(previous, formData);
    if (typeof amount !== "number") return amount;
    const method = text(formData, "method") as CounterMethod;
    if (!COUNTER_METHODS.includes(method)) return invalid(previous, formData, { method: "Choisissez le mode de remboursement." });
    await recordRefund(caller, text(formData, "creditNote"), { method, amountCents: amount, reference: text(formData, "reference") });
    revalidatePath(`/admin/facturation/factures/${text(formData, "invoice")}`);
    return done(previous, "Le remboursement est enregistré.");
  });
}

export async function quotientDecisionAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const id = text(formData, "quotient");
    if (text(formData, "decision") === "reject") {
      await rejectAttestation(caller, id, text(formData, "reason"));
    } else {
      const value = Number(text(formData, "value"));
      if (!/^\d{1,6}$/.test(text(formData, "value")))
        return invalid(previous, formData, { value: "Saisissez le quotient familial en euros, sans décimale (ex. : 812)." });
      await validateAttestation(caller, id, { value, validFrom: text(formData, "validFrom"), validUntil: text(formData, "validUntil") });
    }
    revalidatePath("/admin/facturation/quotients");
    return done(previous, "Décision enregistrée.");
  });
}
