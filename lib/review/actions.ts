"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf, invalid, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { ExpectedError } from "@/lib/platform/errors";
import { staffCaller } from "@/lib/staff";
import { correctionSchema, refusalSchema, REMARK_ROWS, remarkKeyPattern, remarkText, versionSchema, type Remark } from "./schemas";
import { acceptDeclaration, declarationRemarkTargets, refuseDeclaration, requestCorrection, takeDeclaration } from "./service";

/** The review page's four decisions. Each one re-reads who calls (third lock) and validates again. */
const page = (id: string, done: string) => `/admin/declarations/${encodeURIComponent(id)}?fait=${done}`;

function version(formData: FormData): number {
  const parsed = versionSchema.safeParse({ version: formData.get("version") });
  if (!parsed.success) throw new ExpectedError("Version de la déclaration manquante : rechargez la page.");
  return parsed.data.version;
}

export async function takeDeclarationAction(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await takeDeclaration(await staffCaller(), id, version(formData));
    redirect(page(id, "prise"));
  });
}

export async function requestCorrectionAction(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const parsed = correctionSchema.safeParse({ version: formData.get("version"), message: formData.get("message") ?? "" });
    const fieldErrors: Record<string, string> = parsed.success ? {} : fieldErrorsOf(parsed.error);
    // Remarks point at a person or a document of this very declaration, in the parent's words.
    const known = await declarationRemarkTargets(caller, id);
    if (!known) throw new ExpectedError("Cette déclaration n'existe pas.");
    const targets = new Map(known.map((target) => [target.key, target.label]));
    const remarks: Remark[] = [];
    for (let row = 0; row < REMARK_ROWS; row += 1) {
      const key = String(formData.get(`remarque_cible_${row}`) ?? "");
      const text = String(formData.get(`remarque_texte_${row}`) ?? "");
      if (!key && !text.trim()) continue;
      if (!key || !remarkKeyPattern.test(key) || !targets.has(key)) {
        fieldErrors[`remarque_cible_${row}`] = "Choisissez la personne ou la pièce concernée par cette remarque.";
        continue;
      }
      const message = remarkText.safeParse(text);
      if (!message.success) {
        fieldErrors[`remarque_texte_${row}`] = message.error.issues[0]?.message ?? "Remarque invalide.";
        continue;
      }
      remarks.push({ key, target: targets.get(key)!, message: message.data });
    }
    if (!parsed.success || Object.keys(fieldErrors).length) return invalid(previous, formData, fieldErrors);
    await requestCorrection(caller, id, parsed.data.version, parsed.data.message, remarks);
    redirect(page(id, "correction"));
  });
}

export async function acceptDeclarationAction(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    if (formData.get("confirmation") !== "on")
      return invalid(previous, formData, { confirmation: "Cochez la case pour confirmer la validation." });
    await acceptDeclaration(await staffCaller(), id, version(formData));
    redirect(page(id, "validee"));
  });
}

export async function refuseDeclarationAction(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const parsed = refusalSchema.safeParse({ version: formData.get("version"), reason: formData.get("reason") ?? "" });
    if (!parsed.success) return invalid(previous, formData, fieldErrorsOf(parsed.error));
    if (formData.get("confirmation") !== "on")
      return invalid(previous, formData, { confirmation: "Cochez la case pour confirmer le refus." });
    await refuseDeclaration(caller, id, parsed.data.version, parsed.data.reason);
    redirect(page(id, "refusee"));
  });
}
