"use server";

import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import { storeDocument } from "@/lib/documents";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import type { FailureState } from "@/lib/platform/actions/action-state";
import type { FormState } from "@/lib/platform/actions/form-state";
import { attachDocument, detachDocument } from "./attachments";
import { parsePersonRef, personRefParam, validatePeople, type PersonRef } from "./people";
import { DOCUMENT_KINDS, groupFieldKeys, type PersonGroup } from "./schemas";
import { cancelDeclaration, DeclarationError, openDeclaration, removePerson, savePerson, submitDeclaration } from "./service";

const BASE = "/espace/declarer-ma-famille";

/** The raw values a person form posted: every field its schema knows, as typed. */
function readPerson(formData: FormData, fields: string[]): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of fields) {
    const value = formData.get(field);
    values[field] = value === "on" ? true : String(value ?? "").slice(0, 500);
  }
  return values;
}

const GROUP: Record<PersonRef["kind"], PersonGroup> = {
  holder: "representative",
  co: "representative",
  child: "child",
  contact: "contact",
};

/**
 * "Ajouter à mon entourage". Every field the person's form may post is read (a child's links for both
 * representatives): savePerson keeps only those the declaration's schema knows, from its one read of it.
 */
export async function savePersonAction(personParam: string, previous: FormState, formData: FormData): Promise<FormState> {
  const parent = await requireParent(BASE);
  const ref = parsePersonRef(personParam);
  if (!ref) redirect(BASE);
  const values = readPerson(formData, groupFieldKeys(GROUP[ref.kind]));
  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  try {
    const result = await savePerson(parent.id, ref, values);
    if (!result.ok) return { status: "error", fieldErrors: result.fieldErrors, values, attempt };
    redirect(`${BASE}?personne=${personRefParam(result.ref)}&enregistre=1`);
  } catch (error) {
    if (error instanceof DeclarationError) return { status: "error", fieldErrors: { form: error.message }, values, attempt };
    throw error;
  }
}

export async function removePersonAction(formData: FormData): Promise<void> {
  const parent = await requireParent(BASE);
  const ref = parsePersonRef(String(formData.get("personne") ?? ""));
  if (ref && ref.kind !== "holder") await removePerson(parent.id, ref);
  redirect(BASE);
}

export type AttachmentState = FailureState;

const isKind = (value: string): value is DocumentKind => DOCUMENT_KINDS.some((item) => item.kind === value);

/** "Ajouter": uploads a file into the storage space and joins it to the declaration. */
export async function uploadAttachmentAction(kind: string, _previous: AttachmentState, formData: FormData): Promise<AttachmentState> {
  const parent = await requireParent(BASE);
  if (!isKind(kind)) return { status: "error", message: "Type de pièce inconnu." };
  const file = formData.get("fichier");
  if (!(file instanceof File) || file.size === 0) return { status: "error", message: "Choisissez un fichier à joindre." };
  const stored = await storeDocument(parent.id, file, kind);
  if (!stored.ok) return { status: "error", message: stored.message };
  try {
    await attachDocument(parent.id, stored.documentId, kind);
  } catch (error) {
    if (error instanceof DeclarationError) return { status: "error", message: error.message };
    throw error;
  }
  redirect(`${BASE}?piece=ajoutee#pieces-jointes`);
}

/** "Ajouter depuis mon espace de stockage". */
export async function attachFromStorageAction(kind: string, _previous: AttachmentState, formData: FormData): Promise<AttachmentState> {
  const parent = await requireParent(BASE);
  if (!isKind(kind)) return { status: "error", message: "Type de pièce inconnu." };
  const documentId = String(formData.get("document") ?? "");
  if (!documentId) return { status: "error", message: "Choisissez un document de votre espace de stockage." };
  try {
    await attachDocument(parent.id, documentId, kind);
  } catch (error) {
    if (error instanceof DeclarationError) return { status: "error", message: error.message };
    throw error;
  }
  redirect(`${BASE}?piece=ajoutee#pieces-jointes`);
}

export async function detachAttachmentAction(formData: FormData): Promise<void> {
  const parent = await requireParent(BASE);
  await detachDocument(parent.id, String(formData.get("document") ?? ""));
  redirect(`${BASE}#pieces-jointes`);
}

/**
 * "ALLER À L'ÉTAPE 2 >": everything is checked; people with errors are marked in the panel.
 * Declaring only oneself asks for confirmation first, as the Carbon-Blanc guide does (a family of one is rarely what the parent meant).
 */
export async function goToSummaryAction(formData: FormData): Promise<void> {
  const parent = await requireParent(BASE);
  const declaration = await openDeclaration(parent.id);
  const errors = validatePeople(declaration.people);
  const first = Object.keys(errors)[0];
  if (first) redirect(`${BASE}?personne=${first}&verifier=1`);
  const alone = !declaration.people.co && declaration.people.children.length === 0 && declaration.people.contacts.length === 0;
  if (alone && formData.get("seul") !== "oui") redirect(`${BASE}?avertissement=seul`);
  redirect(`${BASE}/recapitulatif`);
}

export async function submitDeclarationAction(_previous: AttachmentState, formData: FormData): Promise<AttachmentState> {
  const parent = await requireParent(BASE);
  try {
    const result = await submitDeclaration(parent.id, String(formData.get("cle") ?? ""));
    if (!result.ok) redirect(`${BASE}?personne=${Object.keys(result.errors)[0]}&verifier=1`);
  } catch (error) {
    if (error instanceof DeclarationError) return { status: "error", message: error.message };
    throw error;
  }
  redirect(`/espace?declaration=envoyee`);
}

export async function cancelDeclarationAction(): Promise<void> {
  const parent = await requireParent(BASE);
  try {
    await cancelDeclaration(parent.id);
  } catch (error) {
    if (!(error instanceof DeclarationError)) throw error;
  }
  redirect("/espace");
}
