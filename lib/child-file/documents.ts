import "server-only";
import { db } from "@/lib/platform/db";
import { town } from "@/lib/platform/town";
import type { DocumentKindConfig } from "@/lib/platform/town/types";
import { LEGACY_KIND_CODES, legacyKindOf, parisDay, validUntilFor } from "./rules";

/**
 * Documents with a kind and a validity date, in the family's storage space. Kinds and their rules are town
 * configuration (lib/town: childFile.documentKinds); the last valid day is computed when the document is
 * stored, and for documents stored before kinds existed, from their upload date.
 */

export function documentKinds(): DocumentKindConfig[] {
  return town().childFile.documentKinds;
}

export function documentKind(code: string): DocumentKindConfig | undefined {
  return documentKinds().find((kind) => kind.code === code);
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export interface FamilyDocumentValidity {
  id: string;
  code: string;
  validUntil: string | null;
  /** The date written on it: a document is not valid before it (an attestation for next year). */
  documentDate: string | null;
  childId: string | null;
}

/** The code and last valid day of a stored document row. */
export function validityOf(document: {
  kind: string;
  kindCode: string | null;
  documentDate: Date | null;
  validUntil: Date | null;
  createdAt: Date;
}): { code: string; validUntil: string | null } {
  const code = document.kindCode ?? LEGACY_KIND_CODES[document.kind] ?? "autre";
  if (document.validUntil) return { code, validUntil: dayOf(document.validUntil) };
  const kind = documentKind(code);
  if (!kind || document.kindCode) return { code, validUntil: null };
  // An older document without a date: its rule runs from the day it was uploaded.
  return {
    code,
    validUntil:
      kind.validity.rule === "end-date"
        ? null
        : validUntilFor(kind.validity, document.documentDate ? dayOf(document.documentDate) : parisDay(document.createdAt)),
  };
}

/** Every document of a family (in the storage of any of its parents, or kept in its dossier) of these kinds. */
export async function familyDocumentsOfKinds(familyId: string, codes: string[]): Promise<FamilyDocumentValidity[]> {
  const legacy = codes.map((code) => legacyKindOf(code)).filter((kind) => kind !== "AUTRE" || codes.includes("autre"));
  const rows = await db().document.findMany({
    where: {
      deletedAt: null,
      OR: [{ owner: { familyId } }, { families: { some: { familyId } } }],
      AND: [{ OR: [{ kindCode: { in: codes } }, { kindCode: null, kind: { in: legacy } }] }],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, kindCode: true, documentDate: true, validUntil: true, createdAt: true, childId: true },
  });
  return rows
    .map((row) => ({
      id: row.id,
      childId: row.childId,
      documentDate: row.documentDate ? dayOf(row.documentDate) : null,
      ...validityOf(row),
    }))
    .filter((row) => codes.includes(row.code));
}

const isValidAt = (doc: { validUntil: string | null; documentDate: string | null }, day: string) =>
  (doc.validUntil === null || doc.validUntil >= day) && (doc.documentDate === null || doc.documentDate <= day);

/** The family's document of that kind valid at `at` (the one valid longest), for reuse without a new upload. */
export async function validDocument(
  familyId: string,
  documentKind: string,
  at: Date,
): Promise<{ documentId: string; validUntil: Date | null } | null> {
  const day = parisDay(at);
  const candidates = (await familyDocumentsOfKinds(familyId, [documentKind])).filter((doc) => isValidAt(doc, day));
  candidates.sort((a, b) => (a.validUntil === null ? -1 : b.validUntil === null ? 1 : b.validUntil.localeCompare(a.validUntil)));
  const best = candidates[0];
  return best ? { documentId: best.id, validUntil: best.validUntil ? new Date(`${best.validUntil}T00:00:00Z`) : null } : null;
}

export { isValidAt };
