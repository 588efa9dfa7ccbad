import "server-only";
import { db } from "@/lib/platform/db";
import { town } from "@/lib/platform/town";
import { familyDocumentsOfKinds, isValidAt } from "./documents";
import { confirmationYear, frenchDay, kindLabel, parisDay } from "./rules";
import { contentOf } from "./sealing";
import type { AuthorisationAnswer } from "./schemas";

/** Valid "until 31/08" means "no longer valid from 01/09". */
const nextDay = (isoDay: string) => {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

export type Prerequisite = { kind: "document" | "authorisation" | "file"; code: string; message: string };

export interface Requirements {
  documents: string[];
  authorisations: string[];
  /** Whether the child's file itself must be complete and confirmed for the school year (default: yes). */
  file?: boolean;
}

/**
 * What is missing or outdated for a child at a date, in plain French, given the document kinds and
 * authorisations an activity or a démarche requires. An empty list: nothing stands in the way.
 */
export async function missingPrerequisites(childId: string, required: Requirements, at: Date): Promise<Prerequisite[]> {
  const config = town().childFile;
  const child = await db().familyMember.findFirst({ where: { id: childId, role: "CHILD" }, select: { familyId: true, childFile: true } });
  if (!child) return [{ kind: "file", code: "enfant", message: "Cet enfant n'est pas connu de nos services." }];
  const day = parisDay(at);
  const missing: Prerequisite[] = [];
  const file = child.childFile;
  const content = file ? contentOf(file) : null;
  const checkFile = required.file ?? true;
  const documentCodes = [...new Set(required.documents)];
  if (checkFile && content?.health.pai && !documentCodes.includes("pai")) documentCodes.push("pai");

  if (checkFile) {
    const schoolYear = confirmationYear(day, config.confirmationOpensMonth);
    if (!file) missing.push({ kind: "file", code: "fiche-enfant", message: "Fiche sanitaire et de liaison : à remplir" });
    else if (file.confirmedSchoolYear !== schoolYear)
      missing.push({ kind: "file", code: "fiche-enfant", message: `Fiche sanitaire et de liaison : à confirmer pour ${schoolYear}` });
  }

  for (const code of [...new Set(required.authorisations)]) {
    const item = config.authorisations.find((entry) => entry.code === code);
    const title = item?.title ?? code;
    const answer = (content?.authorisations[code] ?? null) as AuthorisationAnswer | null;
    if (!answer) missing.push({ kind: "authorisation", code, message: `${title} : autorisation à renseigner dans la fiche de l'enfant` });
    else if (!answer.granted) missing.push({ kind: "authorisation", code, message: `${title} : autorisation non donnée` });
  }

  if (documentCodes.length) {
    const documents = await familyDocumentsOfKinds(child.familyId, documentCodes);
    for (const code of documentCodes) {
      const kind = config.documentKinds.find((entry) => entry.code === code);
      const label = kindLabel(config.documentKinds, code);
      const ofKind = documents.filter((doc) => doc.code === code && (!kind?.perChild || doc.childId === null || doc.childId === childId));
      if (ofKind.some((doc) => isValidAt(doc, day))) continue;
      const latest = ofKind
        .filter((doc) => doc.documentDate === null || doc.documentDate <= day)
        .map((doc) => doc.validUntil)
        .filter((value): value is string => value !== null)
        .sort()
        .pop();
      missing.push({
        kind: "document",
        code,
        message: latest ? `${label} : plus valable depuis le ${frenchDay(nextDay(latest))}` : `${label} : à fournir`,
      });
    }
  }
  return missing;
}
