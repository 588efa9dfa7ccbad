"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { done, fieldErrorsOf, invalid, type AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { ExpectedError } from "@/lib/platform/errors";
import { staffCaller } from "@/lib/staff";
import { createNews, deleteNews, setNewsPublished, updateNews } from "./news-admin";
import {
  createPublicDocument,
  deletePublicDocument,
  setPublicDocumentPublished,
  updatePublicDocument,
  type UploadedFile,
} from "./public-documents-admin";
import { forgetPublicContent } from "./public-cache";
import { newsSchema, publicDocumentSchema } from "./schemas";

/** Server actions of the news and documents editors: staff session first, then the lib functions check again. */
function refreshPublicPages() {
  forgetPublicContent();
  revalidatePath("/", "layout");
}

function confirmed(formData: FormData) {
  if (formData.get("confirmation") !== "on") throw new ExpectedError("Cochez la case pour confirmer la suppression.", "confirmation");
}

export async function saveNews(id: string | null, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const parsed = newsSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(previous, formData, fieldErrorsOf(parsed.error));
    if (id) {
      await updateNews(caller, id, parsed.data);
      refreshPublicPages();
      return done(previous, "L'actualité est enregistrée.");
    }
    const created = await createNews(caller, parsed.data);
    refreshPublicPages();
    redirect(`/admin/actualites/${created.id}?enregistree=1`);
  });
}

export async function publishNews(id: string, publish: boolean, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await setNewsPublished(await staffCaller(), id, publish);
    refreshPublicPages();
    return done(previous, publish ? "L'actualité est publiée sur le portail." : "L'actualité est retirée du portail.");
  });
}

export async function removeNews(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    confirmed(formData);
    await deleteNews(caller, id);
    refreshPublicPages();
    redirect("/admin/actualites?supprimee=1");
  });
}

async function uploadedFile(formData: FormData): Promise<UploadedFile | null> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function savePublicDocument(id: string | null, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    const parsed = publicDocumentSchema.safeParse(
      Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string")),
    );
    if (!parsed.success) return invalid(previous, formData, fieldErrorsOf(parsed.error));
    const file = await uploadedFile(formData);
    if (id) {
      await updatePublicDocument(caller, id, parsed.data, file);
      refreshPublicPages();
      return done(previous, "Le document est enregistré.");
    }
    const createdId = await createPublicDocument(caller, parsed.data, file);
    refreshPublicPages();
    redirect(`/admin/documents/${createdId}?enregistre=1`);
  });
}

export async function publishPublicDocument(
  id: string,
  publish: boolean,
  previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    await setPublicDocumentPublished(await staffCaller(), id, publish);
    refreshPublicPages();
    return done(previous, publish ? "Le document est publié sur le portail." : "Le document est retiré du portail.");
  });
}

export async function removePublicDocument(id: string, previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return runAdminAction(previous, formData, async () => {
    const caller = await staffCaller();
    confirmed(formData);
    await deletePublicDocument(caller, id);
    refreshPublicPages();
    redirect("/admin/documents?supprime=1");
  });
}
