"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import { deleteOwnDocument } from "./service";

export async function deleteFromStorageAction(formData: FormData): Promise<void> {
  const parent = await requireParent("/espace/documents");
  const result = await deleteOwnDocument(parent.id, String(formData.get("document") ?? ""));
  redirect(result.ok ? "/espace/documents?supprime=1" : `/espace/documents?erreur=${result.code}`);
}
