"use server";

import { revalidatePath } from "next/cache";
import { done, fieldErrorsOf, invalid, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { staffCaller } from "@/lib/staff";
import { setAgentsNeedTotp, updateLegalTexts, updateTownContact } from "@/lib/platform/town/settings";
import { legalTextsSchema, townContactSchema } from "@/lib/platform/town/settings-schema";

/** Administrators only: the page, this action (staffCaller) and the lib function each check the role. */
export async function saveTownContact(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller("ADMINISTRATOR");
    const parsed = townContactSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(previous, formData, fieldErrorsOf(parsed.error));
    await updateTownContact(caller, parsed.data);
    revalidatePath("/", "layout");
    return done(previous, "Les coordonnées sont enregistrées : la page Contacts du portail les affiche.");
  });
}

export async function saveLegalTexts(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller("ADMINISTRATOR");
    const parsed = legalTextsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(previous, formData, fieldErrorsOf(parsed.error));
    await updateLegalTexts(caller, parsed.data);
    revalidatePath("/", "layout");
    return done(previous, "Les textes légaux sont enregistrés : la page Mentions légales et CGU du portail les affiche.");
  });
}

export async function saveTotpPolicy(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller("ADMINISTRATOR");
    const required = formData.get("agentsNeedTotp") === "on";
    await setAgentsNeedTotp(caller, required);
    return done(
      previous,
      required
        ? "La double authentification est désormais obligatoire pour les agents : ceux qui ne l'ont pas activée devront le faire à leur prochaine connexion."
        : "La double authentification est facultative pour les agents (elle reste obligatoire pour les administrateurs).",
    );
  });
}
