import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { ageOn } from "@/lib/platform/validation/date";
import { authorizeHealthReader } from "./access";
import { isUuid } from "@/lib/platform/validation/uuid";
import { contentOf } from "./sealing";
import { currentConfirmationYear, fileHistory } from "./service";
import { parisDay } from "./rules";
import type { ChildFileContent } from "./schemas";

/**
 * The child's file seen from the back-office: read-only, for agents granted health access only, and every
 * read (one file, or a list) is written to the audit log with who read it.
 */

export async function childFileForStaff(caller: Caller, childId: string) {
  const actor = await authorizeHealthReader(caller);
  if (!isUuid(childId)) return null;
  const child = await db().familyMember.findFirst({
    where: { id: childId, role: "CHILD" },
    select: {
      id: true,
      firstName: true,
      usageName: true,
      birthDate: true,
      family: { select: { id: true, dossierNumber: true } },
      childFile: true,
    },
  });
  if (!child) return null;
  await audit({
    ...staffAudit(actor),
    action: "child-file.viewed",
    targetType: "FamilyMember",
    targetId: child.id,
    details: { familyId: child.family.id, version: child.childFile?.version ?? null },
  });
  const file = child.childFile;
  return {
    child: { id: child.id, firstName: child.firstName, usageName: child.usageName, birthDate: child.birthDate, family: child.family },
    file: file
      ? {
          content: contentOf(file),
          version: file.version,
          confirmedSchoolYear: file.confirmedSchoolYear,
          confirmedAt: file.confirmedAt,
          toCheck: file.attentionVersion !== null && (file.seenVersion ?? 0) < file.attentionVersion,
          seenAt: file.seenAt,
        }
      : null,
    history: file ? await fileHistory(child.id) : [],
    schoolYear: currentConfirmationYear(),
  };
}

/**
 * "Vu": staff checked the PAI or the new allergy of this version. Conditional on the version seen, so a
 * change the parent made meanwhile stays "à vérifier".
 */
export async function markHealthSeen(caller: Caller, childId: string, version: number): Promise<boolean> {
  const actor = await authorizeHealthReader(caller);
  if (!isUuid(childId) || !Number.isInteger(version)) return false;
  const { count } = await db().childFile.updateMany({
    where: { childId, version, attentionVersion: { not: null, lte: version } },
    data: { seenVersion: version, seenAt: new Date(), seenById: actor.id },
  });
  if (count)
    await audit({
      ...staffAudit(actor),
      action: "child-file.health-seen",
      targetType: "FamilyMember",
      targetId: childId,
      details: { version },
    });
  return count > 0;
}

export interface HealthListRow {
  childId: string;
  name: string;
  age: number | null;
  dossierNumber: string;
  pai: boolean;
  paiEndDate: string | null;
  allergies: ChildFileContent["health"]["allergies"];
  diet: string | null;
  treatment: string | null;
  toCheck: boolean;
}

export interface HealthListFilter {
  /** Only these children (an attendance list of a service and a day, from the reservations feature). */
  childIds?: string[];
  minAge?: number;
  maxAge?: number;
}

/** Children with a PAI or an allergy, for the kitchen and the animators; the read is audited. */
export async function healthList(caller: Caller, filter: HealthListFilter = {}): Promise<HealthListRow[]> {
  const actor = await authorizeHealthReader(caller);
  const where: Prisma.ChildFileWhereInput = {
    OR: [{ hasPai: true }, { hasAllergy: true }],
    child: { family: { status: { not: "ARCHIVED" } } },
  };
  if (filter.childIds) where.childId = { in: filter.childIds.filter(isUuid) };
  const rows = await db().childFile.findMany({
    where,
    select: {
      childId: true,
      healthSealed: true,
      authorisations: true,
      pickupPeople: true,
      attentionVersion: true,
      seenVersion: true,
      child: { select: { firstName: true, usageName: true, birthDate: true, family: { select: { dossierNumber: true } } } },
    },
  });
  const today = parisDay(new Date());
  const list = rows
    .map((row): HealthListRow => {
      const { health } = contentOf(row);
      return {
        childId: row.childId,
        name: `${row.child.usageName.toUpperCase()} ${row.child.firstName}`,
        age: row.child.birthDate ? ageOn(row.child.birthDate.toISOString().slice(0, 10), today) : null,
        dossierNumber: row.child.family.dossierNumber,
        pai: health.pai,
        paiEndDate: health.paiEndDate,
        allergies: health.allergies,
        diet: health.diet,
        treatment: health.treatment,
        toCheck: row.attentionVersion !== null && (row.seenVersion ?? 0) < row.attentionVersion,
      };
    })
    .filter(
      (row) =>
        (filter.minAge === undefined || (row.age !== null && row.age >= filter.minAge)) &&
        (filter.maxAge === undefined || (row.age !== null && row.age <= filter.maxAge)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  await audit({
    ...staffAudit(actor),
    action: "child-file.health-list.viewed",
    targetType: "ChildFile",
    details: { children: list.length, filter: { ...filter, childIds: filter.childIds?.length } },
  });
  return list;
}

const csvCell = (value: string) => {
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection): quote it as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function healthListCsv(rows: HealthListRow[], dietLabel: (code: string) => string): string {
  const header = [
    "Enfant",
    "Âge",
    "Dossier",
    "PAI",
    "Fin du PAI",
    "Allergies",
    "Réaction",
    "Conduite à tenir",
    "Régime",
    "Traitement",
    "À vérifier",
  ];
  const lines = rows.map((row) =>
    [
      row.name,
      row.age === null ? "" : String(row.age),
      row.dossierNumber,
      row.pai ? "oui" : "non",
      row.paiEndDate ? row.paiEndDate.split("-").reverse().join("/") : "",
      row.allergies.map((a) => a.name).join(" ; "),
      row.allergies.map((a) => a.reaction ?? "").join(" ; "),
      row.allergies.map((a) => a.action ?? "").join(" ; "),
      row.diet ? dietLabel(row.diet) : "",
      row.treatment ?? "",
      row.toCheck ? "oui" : "non",
    ]
      .map(csvCell)
      .join(";"),
  );
  // BOM: Excel opens UTF-8 with accents right.
  return `\ufeff${[header.map(csvCell).join(";"), ...lines].join("\r\n")}\r\n`;
}
