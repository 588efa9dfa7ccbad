"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { staffCaller } from "@/lib/staff";
import type { FormState } from "@/lib/platform/actions/form-state";
import { isUuid } from "@/lib/platform/validation/uuid";
import { schemaOptions } from "./config";
import { childFileSchema, nestFormData } from "./schemas";
import { confirmChildFile, saveChildFile } from "./service";
import { markHealthSeen } from "./staff";
import { declareBirth, type BirthInput } from "./birth";

const fileAddress = (childId: string) => `/espace/enfants/${isUuid(childId) ? childId : ""}`;

/** The parent's form: validated again here with the form's own schema, then saved as a new version. */
export async function saveChildFileAction(childId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const parent = await requireParent(fileAddress(childId));
  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  const raw = nestFormData(formData);
  const parsed = childFileSchema(schemaOptions()).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".") || "version";
      fieldErrors[path] ??= issue.message;
    }
    return { status: "error", fieldErrors, values: {}, attempt };
  }
  const result = await saveChildFile(parent.id, childId, parsed.data);
  if (!result.ok) return { status: "error", fieldErrors: result.fieldErrors ?? { version: result.message }, values: {}, attempt };
  redirect(`${fileAddress(childId)}?enregistree=1`);
}

/** « Rien n'a changé » : confirms the file for the school year in one click. */
export async function confirmChildFileAction(childId: string, formData: FormData): Promise<void> {
  const parent = await requireParent(fileAddress(childId));
  const version = Number(formData.get("version"));
  const result =
    Number.isInteger(version) && version > 0
      ? await confirmChildFile(parent.id, childId, version)
      : { ok: false as const, message: "La fiche a changé : rechargez la page." };
  redirect(result.ok ? `${fileAddress(childId)}?confirmee=1` : `${fileAddress(childId)}?erreur=${encodeURIComponent(result.message)}`);
}

/** Staff: "vu" on a new PAI or allergy. */
export async function markHealthSeenAction(formData: FormData): Promise<void> {
  const caller = await staffCaller();
  const childId = String(formData.get("enfant") ?? "");
  const version = Number(formData.get("version"));
  try {
    await markHealthSeen(caller, childId, version);
  } catch (error) {
    if (error instanceof ForbiddenError) redirect("/admin/acces-refuse");
    throw error;
  }
  redirect(`/admin/enfants/${isUuid(childId) ? childId : ""}?vu=1`);
}

/** « Déclarer la naissance » of an expected child (validated again in declareBirth). */
export async function declareBirthAction(childId: string, previous: FormState, formData: FormData): Promise<FormState> {
  const parent = await requireParent(fileAddress(childId));
  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  const values = {
    firstName: String(formData.get("firstName") ?? ""),
    birthDate: String(formData.get("birthDate") ?? ""),
    sex: String(formData.get("sex") ?? ""),
  };
  const result = await declareBirth(parent.id, childId, values as BirthInput);
  if (!result.ok) return { status: "error", fieldErrors: result.fieldErrors, values, attempt };
  redirect(`${fileAddress(childId)}?naissance=1`);
}
