"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import { deleteOwnDocument, storeDocument } from "./service";

export interface StorageState {
  status: "idle" | "error";
  message?: string;
}

const KINDS: DocumentKind[] = ["LIVRET_FAMILLE", "JUSTIFICATIF_DOMICILE", "JUGEMENT", "AUTRE"];

export async function uploadToStorageAction(_previous: StorageState, formData: FormData): Promise<StorageState> {
  const parent = await requireParent("/espace/documents");
  const kind = String(formData.get("type") ?? "") as DocumentKind;
  if (!KINDS.includes(kind)) return { status: "error", message: "Le champ 'type de document' est obligatoire." };
  const file = formData.get("fichier");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choisissez un fichier à ajouter." };
  const result = await storeDocument(parent.id, file, kind);
  if (!result.ok) return { status: "error", message: result.message };
  redirect("/espace/documents?ajoute=1");
}

export async function deleteFromStorageAction(formData: FormData): Promise<void> {
  const parent = await requireParent("/espace/documents");
  const result = await deleteOwnDocument(parent.id, String(formData.get("document") ?? ""));
  redirect(result.ok ? "/espace/documents?supprime=1" : `/espace/documents?erreur=${result.code}`);
}
