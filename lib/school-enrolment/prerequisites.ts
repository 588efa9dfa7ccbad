import "server-only";
import { validDocument as familyValidDocument } from "@/lib/child-file";

/**
 * The documents a school enrolment reuses come from the child's file (lib/child-file): the family's document of
 * that kind still valid on the day (livret de famille, justificatif de domicile under 3 months), whether the
 * parent kept it in the storage space or it was kept in the dossier when the declaration was validated.
 * The vaccination page is about one child: a family-wide match could be a sibling's, so it is asked for each time.
 */
export async function validDocument(
  familyId: string,
  documentKind: string,
  at: Date,
): Promise<{ documentId: string; validUntil: Date | null } | null> {
  if (documentKind === "vaccinations") return null;
  return familyValidDocument(familyId, documentKind, at);
}
