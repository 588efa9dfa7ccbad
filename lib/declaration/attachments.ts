import "server-only";
import { db } from "@/lib/platform/db";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/platform/validation/uuid";
import { DOCUMENT_KINDS } from "./schemas";
import { DeclarationError, EDITABLE, openDeclaration } from "./service";

/** Joins one of the parent's own documents to their declaration ("Ajouter depuis mon espace de stockage"). */
export async function attachDocument(accountId: string, documentId: string, kind: DocumentKind): Promise<void> {
  if (!DOCUMENT_KINDS.some((item) => item.kind === kind)) throw new DeclarationError("Type de pièce inconnu.");
  const declaration = await openDeclaration(accountId);
  if (!EDITABLE.includes(declaration.status))
    throw new DeclarationError("Votre déclaration a été envoyée : elle ne peut plus être modifiée.");
  const document = isUuid(documentId)
    ? await db().document.findFirst({ where: { id: documentId, ownerId: accountId, deletedAt: null } })
    : null;
  if (!document) throw new DeclarationError("Ce document n'existe pas dans votre espace de stockage.");
  await db().demarcheDocument.upsert({
    where: { demarcheId_documentId: { demarcheId: declaration.id, documentId } },
    update: { kind },
    create: { demarcheId: declaration.id, documentId, kind },
  });
}

export async function detachDocument(accountId: string, documentId: string): Promise<void> {
  const declaration = await openDeclaration(accountId);
  if (!EDITABLE.includes(declaration.status))
    throw new DeclarationError("Votre déclaration a été envoyée : elle ne peut plus être modifiée.");
  if (!isUuid(documentId)) return;
  await db().demarcheDocument.deleteMany({ where: { demarcheId: declaration.id, documentId, demarche: { accountId } } });
}

export async function listAttachments(demarcheId: string) {
  return db().demarcheDocument.findMany({
    where: { demarcheId, document: { deletedAt: null } },
    orderBy: { attachedAt: "asc" },
    select: { kind: true, document: { select: { id: true, fileName: true, mediaType: true, size: true } } },
  });
}
