"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import { documentMetaFromForm } from "@/lib/child-file";
import { deleteOwnDocument, storeDocument } from "./service";
import type { FailureState } from "@/lib/platform/actions/action-state";

/** `field` names the field the message is about ("type", "date", "fin", "enfant", "fichier"). */
export type StorageState = FailureState;

export async function uploadToStorageAction(_previous: StorageState, formData: FormData): Promise<StorageState> {
  const parent = await requireParent("/espace/documents");
  const meta = await documentMetaFromForm(parent.id, formData);
  if (!meta.ok) return { status: "error", message: meta.message, field: meta.field };
  const file = formData.get("fichier");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choisissez un fichier à ajouter.", field: "fichier" };
  const result = await storeDocument(parent.id, file, meta.kind, meta.meta);
  if (!result.ok) return { status: "error", message: result.message, field: "fichier" };
  redirect("/espace/documents?ajoute=1");
}

export async function deleteFromStorageAction(formData: FormData): Promise<void> {
  const parent = await requireParent("/espace/documents");
  const result = await deleteOwnDocument(parent.id, String(formData.get("document") ?? ""));
  redirect(result.ok ? "/espace/documents?supprime=1" : `/espace/documents?erreur=${result.code}`);
}
