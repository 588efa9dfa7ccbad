"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, fieldErrorsOf, invalid, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { signOut } from "@/lib/auth";
import { verifyPassword } from "@/lib/platform/security/password";
import {
  changeOwnPassword,
  changeStaffRole,
  createStaff,
  resetStaffPassword,
  resetStaffTotp,
  setHealthDataAccess,
  setStaffActive,
} from "./accounts";
import { staffPasswordProblem } from "./passwords";
import { newStaffSchema, staffRoleSchema } from "./schemas";
import { staffCaller } from "./session";

/** Staff account management (administrators) and "Mon compte" (everyone). */
export async function createStaffAccount(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller("ADMINISTRATOR");
    const parsed = newStaffSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(previous, formData, fieldErrorsOf(parsed.error));
    const created = await createStaff(caller, parsed.data);
    revalidatePath("/admin/agents");
    return done(previous, `Le compte ${parsed.data.login} est créé.`, {
      result: { kind: "password", value: created.password, label: parsed.data.login },
    });
  });
}

export async function updateStaffRole(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller("ADMINISTRATOR");
    const role = staffRoleSchema.safeParse(formData.get("role"));
    if (!role.success) return invalid(previous, formData, { role: "Le champ 'rôle' est obligatoire." });
    await changeStaffRole(caller, id, role.data);
    revalidatePath("/admin/agents");
    return done(previous, "Le rôle est enregistré.");
  });
}

export async function toggleStaffActive(
  id: string,
  active: boolean,
  previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await setStaffActive(await staffCaller("ADMINISTRATOR"), id, active);
    revalidatePath("/admin/agents");
    return done(previous, active ? "Le compte est réactivé." : "Le compte est désactivé : ses sessions sont terminées.");
  });
}

export async function toggleHealthDataAccess(
  id: string,
  granted: boolean,
  previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await setHealthDataAccess(await staffCaller("ADMINISTRATOR"), id, granted);
    revalidatePath(`/admin/agents/${id}`);
    return done(previous, granted ? "L'accès aux données de santé est accordé." : "L'accès aux données de santé est retiré.");
  });
}

export async function resetStaffAccountPassword(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const password = await resetStaffPassword(await staffCaller("ADMINISTRATOR"), id);
    return done(previous, "Le mot de passe est réinitialisé : les sessions de ce compte sont terminées.", {
      result: { kind: "password", value: password },
    });
  });
}

export async function resetStaffAccountTotp(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await resetStaffTotp(await staffCaller("ADMINISTRATOR"), id);
    revalidatePath("/admin/agents");
    return done(
      previous,
      "La double authentification est réinitialisée : une nouvelle application sera enregistrée à la prochaine connexion.",
    );
  });
}

export async function changeMyPassword(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const current = String(formData.get("currentPassword") ?? "");
    const next = String(formData.get("password") ?? "");
    const omit = ["currentPassword", "password", "passwordConfirmation"];
    if (!current) return invalid(previous, formData, { currentPassword: "Le champ 'mot de passe actuel' est obligatoire." }, omit);
    const problem = staffPasswordProblem(next, []);
    if (problem) return invalid(previous, formData, { password: problem }, omit);
    if (next !== String(formData.get("passwordConfirmation") ?? "")) {
      return invalid(previous, formData, { passwordConfirmation: "La confirmation ne correspond pas au mot de passe." }, omit);
    }
    await changeOwnPassword(caller, current, next, verifyPassword);
    await signOut({ redirect: false });
    redirect("/admin/connexion?mot-de-passe=change");
  });
}
