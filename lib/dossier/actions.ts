"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, invalid, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { staffCaller } from "@/lib/staff";
import { parseKnownFamily } from "./schemas";
import { createKnownFamily, issueFamilyChildKey, revokeFamilyChildKeys } from "./service";

export async function createKnownFamilyAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const parsed = parseKnownFamily(Object.fromEntries(formData));
    if (!parsed.ok) return invalid(previous, formData, parsed.fieldErrors);
    const family = await createKnownFamily(caller, parsed.data);
    redirect(`/admin/familles/${family.id}?cree=1`);
  });
}

/** The key is returned in the form state only: shown once on this screen, never stored in clear. */
export async function issueChildKeyAction(familyId: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const key = await issueFamilyChildKey(await staffCaller(), familyId);
    revalidatePath(`/admin/familles/${familyId}`);
    return done(previous, "La Clé Enfance est émise. Toute clé précédente de ce dossier est révoquée.", {
      result: { kind: "childKey", value: key, familyId },
    });
  });
}

export async function revokeChildKeysAction(familyId: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await revokeFamilyChildKeys(await staffCaller(), familyId);
    revalidatePath(`/admin/familles/${familyId}`);
    // The revoke button leaves the page with the key: the message travels in the address.
    redirect(`/admin/familles/${familyId}?revoquee=1`);
  });
}
