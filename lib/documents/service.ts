import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import { fileStore } from "@/lib/platform/storage";
import { sniffMediaType } from "@/lib/platform/storage/sniff";
import { inspectPdf, pdfVerdictMessage } from "@/lib/platform/pdf/active-content";
import { ACCEPTED_MEDIA_TYPES, cleanFileName, DOCUMENT_MAX_BYTES } from "./schemas";
import { isUuid } from "@/lib/platform/validation/uuid";

/** Ids come from forms and addresses: anything but a UUID would make PostgreSQL refuse the query. */
/** 36 megapixels: an A4 page scanned at 600 dpi; larger images are refused before they are decoded. */
export const DOCUMENT_IMAGE_MAX_PIXELS = 36_000_000;

/**
 * Decodes the whole image (not only its header): a truncated file, corrupt pixel data or more than
 * DOCUMENT_IMAGE_MAX_PIXELS is refused, so staff are never shown a file their browser cannot (or should not) decode.
 */
async function isReadableImage(bytes: Uint8Array): Promise<boolean> {
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: DOCUMENT_IMAGE_MAX_PIXELS, sequentialRead: true });
    const { width, height } = await image.metadata();
    if (!width || !height) return false;
    // stats() reads every pixel: decoding errors surface here.
    await image.stats();
    return true;
  } catch {
    return false;
  }
}

const DOCUMENT_KINDS: readonly DocumentKind[] = ["LIVRET_FAMILLE", "JUSTIFICATIF_DOMICILE", "JUGEMENT", "AUTRE"];

export type UploadResult = { ok: true; documentId: string } | { ok: false; message: string };

/** A document of a configured kind (lib/child-file): its code, date, last valid day and child. */
export interface DocumentMeta {
  kindCode: string;
  documentDate: string | null;
  validUntil: string | null;
  childId: string | null;
}

/**
 * Stores a document in the parent's private storage space. The type is read from the file's bytes,
 * never from its name; the name is kept only for display.
 */
export async function storeDocument(ownerId: string, file: File, kind: DocumentKind, meta?: DocumentMeta): Promise<UploadResult> {
  if (!DOCUMENT_KINDS.includes(kind)) return { ok: false, message: "Le champ 'type de document' est obligatoire." };
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, message: "Le fichier choisi est vide : choisissez un autre fichier." };
  if (typeof ownerId !== "string" || !isUuid(ownerId)) return { ok: false, message: "Connectez-vous pour ajouter un document." };
  if (file.size > DOCUMENT_MAX_BYTES)
    return { ok: false, message: "Le fichier dépasse 10 Mo : réduisez-le (par exemple en le numérisant en noir et blanc) puis réessayez." };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mediaType = sniffMediaType(bytes);
  if (!mediaType || !(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
    return { ok: false, message: "Ce fichier n'est pas un PDF, une image JPEG ou PNG : seuls ces formats sont acceptés." };
  }
  if (mediaType === "application/pdf") {
    const verdict = await inspectPdf(bytes);
    if (!verdict.ok) return { ok: false, message: pdfVerdictMessage(verdict) };
  } else if (!(await isReadableImage(bytes))) {
    // The first bytes say "image" but the rest is not one (a truncated file, or something else behind a PNG header).
    return { ok: false, message: "Cette image est illisible ou endommagée : choisissez un autre fichier." };
  }
  const store = fileStore();
  const storageKey = await store.put({ bytes, mediaType, fileName: cleanFileName(file.name) });
  const document = await db().document.create({
    data: {
      ownerId,
      kind,
      fileName: cleanFileName(file.name),
      provider: store.provider,
      storageKey,
      mediaType,
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      ...(meta
        ? {
            kindCode: meta.kindCode,
            documentDate: meta.documentDate ? new Date(`${meta.documentDate}T00:00:00Z`) : null,
            validUntil: meta.validUntil ? new Date(`${meta.validUntil}T00:00:00Z`) : null,
            childId: meta.childId,
          }
        : {}),
    },
  });
  await audit({
    actorType: "ACCOUNT",
    actorId: ownerId,
    action: "document.uploaded",
    targetType: "Document",
    targetId: document.id,
    details: { kind, kindCode: meta?.kindCode ?? null, size: bytes.byteLength, mediaType },
  });
  return { ok: true, documentId: document.id };
}

export async function listOwnDocuments(ownerId: string) {
  return db().document.findMany({
    where: { ownerId, deletedAt: null, kind: { not: "PHOTO" } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      fileName: true,
      mediaType: true,
      size: true,
      createdAt: true,
      kindCode: true,
      documentDate: true,
      validUntil: true,
      child: { select: { firstName: true } },
      demarches: { select: { demarche: { select: { status: true, reference: true } } } },
      families: { select: { familyId: true } },
    },
  });
}

/** The bytes of a document, for its owner only (staff read documents through the back-office). */
export async function readOwnDocument(ownerId: string, documentId: string) {
  if (!isUuid(documentId)) return null;
  const document = await db().document.findFirst({ where: { id: documentId, ownerId, deletedAt: null } });
  if (!document) return null;
  const bytes = await fileStore(document.provider).get(document.storageKey);
  return bytes ? { document, bytes } : null;
}

/**
 * Deletes a document from the storage space, unless the town already holds it (sent with a
 * démarche, or kept in the family dossier): those stay for the staff's review.
 */
/** Why a deletion was refused: a code in the page's address (never the text itself), shown by deletionErrorMessage. */
export const DELETION_ERRORS = {
  absent: "Ce document n'existe pas ou plus.",
  transmis: "Ce document a été transmis à nos services avec une démarche : il ne peut pas être supprimé.",
} as const;
export type DeletionError = keyof typeof DELETION_ERRORS;

/** The message of a known code; anything else in `?erreur=` shows nothing (no text of a stranger's choosing). */
export function deletionErrorMessage(code: string | undefined): string | null {
  return code && Object.hasOwn(DELETION_ERRORS, code) ? DELETION_ERRORS[code as DeletionError] : null;
}

export async function deleteOwnDocument(
  ownerId: string,
  documentId: string,
): Promise<{ ok: true } | { ok: false; code: DeletionError; message: string }> {
  if (!isUuid(documentId)) return { ok: false, code: "absent", message: DELETION_ERRORS.absent };
  const document = await db().document.findFirst({
    where: { id: documentId, ownerId, deletedAt: null },
    include: { demarches: { include: { demarche: { select: { status: true } } } }, families: true },
  });
  if (!document) return { ok: false, code: "absent", message: DELETION_ERRORS.absent };
  const held =
    document.families.length > 0 || document.demarches.some((link) => !["DRAFT", "NEEDS_CORRECTION"].includes(link.demarche.status));
  if (held) return { ok: false, code: "transmis", message: DELETION_ERRORS.transmis };
  await db().$transaction([
    db().demarcheDocument.deleteMany({ where: { documentId } }),
    db().document.update({ where: { id: documentId }, data: { deletedAt: new Date() } }),
  ]);
  await fileStore(document.provider).delete(document.storageKey);
  await audit({ actorType: "ACCOUNT", actorId: ownerId, action: "document.deleted", targetType: "Document", targetId: documentId });
  return { ok: true };
}
