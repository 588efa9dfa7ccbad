"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import { storeDocument } from "@/lib/documents";
import type { FailureState } from "@/lib/platform/actions/action-state";
import { documentMetaFromForm } from "./storage";

/** `field` names the field the message is about ("type", "date", "fin", "enfant", "fichier"). */
export type StorageState = FailureState;

/**
 * Adds a document to the parent's storage space. The storage itself is the documents feature's; the kind, its
 * dates and its validity are the child's file's rules, hence this action lives here, above both.
 */
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
