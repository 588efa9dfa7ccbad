import "server-only";
import { db } from "@/lib/platform/db";

/**
 * The child-file contract's `validDocument` (issue #15), through a local adapter: until lib/child-file is in
 * main, the family's documents are the ones kept in its dossier when its declaration was validated
 * (livret de famille, justificatif de domicile, valid 3 months from their upload). The carnet de vaccinations
 * has no kind there yet, so it is always asked for. Switch to `validDocument` from "@/lib/child-file" on merge.
 */
const KINDS = { "livret-famille": "LIVRET_FAMILLE", "justificatif-domicile": "JUSTIFICATIF_DOMICILE" } as const;
const THREE_MONTHS_MS = 92 * 86_400_000;

export async function validDocument(familyId: string, documentKind: string, at: Date): Promise<{ documentId: string; validUntil: Date | null } | null> {
  const kind = KINDS[documentKind as keyof typeof KINDS];
  if (!kind) return null;
  const kept = await db().familyDocument.findFirst({
    where: { familyId, kind, document: { deletedAt: null } },
    orderBy: { document: { createdAt: "desc" } },
    select: { document: { select: { id: true, createdAt: true } } },
  });
  if (!kept) return null;
  if (kind === "LIVRET_FAMILLE") return { documentId: kept.document.id, validUntil: null };
  const validUntil = new Date(kept.document.createdAt.getTime() + THREE_MONTHS_MS);
  return validUntil >= at ? { documentId: kept.document.id, validUntil } : null;
}
