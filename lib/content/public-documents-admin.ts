import "server-only";
import { createHash } from "node:crypto";
import { audit } from "@/lib/platform/audit";
import { assertStorableText, ExpectedError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { fileStore } from "@/lib/platform/storage";
import { inspectPdf, pdfVerdictMessage } from "@/lib/platform/pdf/active-content";
import { cleanFileName } from "@/lib/documents/schemas";
import { sniffMediaType } from "@/lib/platform/storage/sniff";
import { isUuid } from "@/lib/platform/validation/uuid";
import { PUBLIC_DOCUMENT_MAX_BYTES, type PublicDocumentInput } from "./schemas";

/** The "Documents à télécharger" editor of /admin/documents. Only PDF files, proved by their first bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export async function listPublicDocumentsForStaff(caller: Caller) {
  await authorizeStaff(caller);
  return db().publicDocument.findMany({
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, description: true, fileName: true, size: true, position: true, publishedAt: true },
  });
}

export async function getPublicDocumentForStaff(caller: Caller, id: string) {
  await authorizeStaff(caller);
  if (!isUuid(id)) return null;
  return db().publicDocument.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      description: true,
      fileName: true,
      size: true,
      position: true,
      publishedAt: true,
      mediaType: true,
      provider: true,
      storageKey: true,
    },
  });
}

/** The bytes of a document, published or not, for staff checking it before publication. */
export async function readPublicDocumentForStaff(caller: Caller, id: string) {
  const actor = await authorizeStaff(caller);
  const document = await getPublicDocumentForStaff(caller, id);
  if (!document) return null;
  const bytes = await fileStore(document.provider).get(document.storageKey);
  if (!bytes) return null;
  await audit({ ...staffAudit(actor), action: "public_document.downloaded", targetType: "PublicDocument", targetId: id });
  return { ...document, bytes };
}

async function checkPdf(file: UploadedFile) {
  if (file.bytes.byteLength === 0) throw new ExpectedError("Le fichier est vide.", "file");
  if (file.bytes.byteLength > PUBLIC_DOCUMENT_MAX_BYTES)
    throw new ExpectedError("Le fichier dépasse 10 Mo : réduisez sa taille avant de l'envoyer.", "file");
  if (sniffMediaType(file.bytes) !== "application/pdf")
    throw new ExpectedError("Le fichier doit être un PDF (son contenu n'en est pas un).", "file");
  // Offered to every visitor of the portal: no JavaScript or launch action may travel with it.
  const verdict = await inspectPdf(file.bytes);
  if (!verdict.ok) throw new ExpectedError(pdfVerdictMessage(verdict), "file");
}

function pdfName(name: string): string {
  const base = cleanFileName(name);
  return base.toLowerCase().endsWith(".pdf") ? base : `${base}.pdf`;
}

async function storeFile(file: UploadedFile) {
  const store = fileStore();
  const fileName = pdfName(file.name);
  const storageKey = await store.put({ bytes: file.bytes, mediaType: "application/pdf", fileName });
  return {
    provider: store.provider,
    storageKey,
    fileName,
    mediaType: "application/pdf",
    size: file.bytes.byteLength,
    sha256: createHash("sha256").update(file.bytes).digest("hex"),
  };
}

export async function createPublicDocument(caller: Caller, input: PublicDocumentInput, file: UploadedFile | null): Promise<string> {
  const actor = await authorizeStaff(caller);
  assertStorableText(input);
  if (!file) throw new ExpectedError("Le champ 'fichier PDF' est obligatoire.", "file");
  await checkPdf(file);
  const { sha256, ...stored } = await storeFile(file);
  const created = await db().publicDocument.create({
    data: {
      title: input.title,
      description: input.description,
      position: input.position,
      publishedAt: input.publish ? new Date() : null,
      ...stored,
    },
    select: { id: true },
  });
  await audit({
    ...staffAudit(actor),
    action: "public_document.created",
    targetType: "PublicDocument",
    targetId: created.id,
    details: { title: input.title, fileName: stored.fileName, size: stored.size, sha256, published: input.publish },
  });
  return created.id;
}

export async function updatePublicDocument(
  caller: Caller,
  id: string,
  input: PublicDocumentInput,
  file: UploadedFile | null,
): Promise<void> {
  const actor = await authorizeStaff(caller);
  assertStorableText(input);
  const existing = isUuid(id)
    ? await db().publicDocument.findUnique({ where: { id }, select: { provider: true, storageKey: true, publishedAt: true } })
    : null;
  if (!existing) throw new ExpectedError("Ce document n'existe plus.");
  if (file) await checkPdf(file);
  const stored = file ? await storeFile(file) : null;
  // Publication is its own action (setPublicDocumentPublished): an edit leaves it as it is.
  await db().publicDocument.update({
    where: { id },
    data: {
      title: input.title,
      description: input.description,
      position: input.position,
      ...(stored
        ? {
            provider: stored.provider,
            storageKey: stored.storageKey,
            fileName: stored.fileName,
            mediaType: stored.mediaType,
            size: stored.size,
          }
        : {}),
    },
  });
  if (stored)
    await fileStore(existing.provider)
      .delete(existing.storageKey)
      .catch(() => undefined);
  await audit({
    ...staffAudit(actor),
    action: "public_document.updated",
    targetType: "PublicDocument",
    targetId: id,
    details: { title: input.title, ...(stored ? { fileName: stored.fileName, size: stored.size, sha256: stored.sha256 } : {}) },
  });
}

export async function setPublicDocumentPublished(caller: Caller, id: string, publish: boolean): Promise<void> {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id)) throw new ExpectedError("Ce document n'existe plus.");
  const { count } = await db().publicDocument.updateMany({
    where: { id, publishedAt: publish ? null : { not: null } },
    data: { publishedAt: publish ? new Date() : null },
  });
  if (count)
    await audit({
      ...staffAudit(actor),
      action: publish ? "public_document.published" : "public_document.unpublished",
      targetType: "PublicDocument",
      targetId: id,
    });
}

export async function deletePublicDocument(caller: Caller, id: string): Promise<void> {
  const actor = await authorizeStaff(caller);
  const existing = isUuid(id)
    ? await db().publicDocument.findUnique({ where: { id }, select: { provider: true, storageKey: true, title: true } })
    : null;
  if (!existing) throw new ExpectedError("Ce document n'existe plus.");
  await db().publicDocument.delete({ where: { id } });
  await fileStore(existing.provider)
    .delete(existing.storageKey)
    .catch(() => undefined);
  await audit({
    ...staffAudit(actor),
    action: "public_document.deleted",
    targetType: "PublicDocument",
    targetId: id,
    details: { title: existing.title },
  });
}
