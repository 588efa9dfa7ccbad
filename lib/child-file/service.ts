import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { town } from "@/lib/platform/town";
import { childForParent, childrenForParent, type ParentChild } from "./access";
import { describeChanges, needsStaffAttention, type FieldChange } from "./changes";
import { confirmationYear, parisDay, previousSchoolYear } from "./rules";
import type { ChildFileContent } from "./schemas";
import { contentOf, sealJson, unsealJson } from "./sealing";

/**
 * The parents' side of the child's file: read, save a new version, confirm for the school year. Every
 * change is a new version (dated, with its author and the labels of what changed); a save names the
 * version it edited, so two parents editing at once cannot overwrite each other silently.
 */

export type SaveResult = { ok: true; version: number } | { ok: false; message: string; fieldErrors?: Record<string, string> };

export const CONFLICT_MESSAGE =
  "La fiche vient d'être modifiée par l'autre parent : rechargez la page pour voir ses changements, puis recommencez.";

export function currentConfirmationYear(now: Date = new Date()): string {
  return confirmationYear(parisDay(now), town().childFile.confirmationOpensMonth);
}

export interface HistoryEntry {
  version: number;
  change: "CREATED" | "UPDATED" | "CONFIRMED";
  schoolYear: string;
  authorName: string;
  changedFields: string[];
  createdAt: Date;
}

export async function fileHistory(childId: string): Promise<HistoryEntry[]> {
  const versions = await db().childFileVersion.findMany({
    where: { childId },
    orderBy: { version: "desc" },
    select: { version: true, change: true, schoolYear: true, authorName: true, changedFields: true, createdAt: true },
  });
  return versions.map((entry) => ({ ...entry, changedFields: (entry.changedFields ?? []) as string[] }));
}

export interface ParentFileView {
  child: ParentChild;
  file: { content: ChildFileContent; version: number; confirmedSchoolYear: string | null; confirmedAt: Date | null } | null;
  schoolYear: string;
  needsConfirmation: boolean;
  /** What changed since the file as it stood at the end of last school year (empty: nothing, or no earlier year). */
  sinceLastYear: FieldChange[];
  history: HistoryEntry[];
}

export async function parentFileView(accountId: string, childId: string, now: Date = new Date()): Promise<ParentFileView | null> {
  const child = await childForParent(accountId, childId);
  if (!child) return null;
  const schoolYear = currentConfirmationYear(now);
  const row = await db().childFile.findUnique({ where: { childId } });
  if (!row) return { child, file: null, schoolYear, needsConfirmation: true, sinceLastYear: [], history: [] };
  const content = contentOf(row);
  const lastYear = await db().childFileVersion.findFirst({
    where: { childId, schoolYear: { lte: previousSchoolYear(schoolYear) } },
    orderBy: { version: "desc" },
    select: { snapshotSealed: true },
  });
  const sinceLastYear = lastYear ? describeChanges(unsealJson<ChildFileContent>(lastYear.snapshotSealed), content, town().childFile) : [];
  return {
    child,
    file: { content, version: row.version, confirmedSchoolYear: row.confirmedSchoolYear, confirmedAt: row.confirmedAt },
    schoolYear,
    needsConfirmation: row.confirmedSchoolYear !== schoolYear,
    sinceLastYear,
    history: await fileHistory(childId),
  };
}

async function authorName(accountId: string): Promise<string> {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { firstNames: true, usageName: true } });
  return account ? `${account.firstNames} ${account.usageName}` : "Un parent";
}

/** Documents named in the health part must be in the storage space of the child's family. */
async function checkDocuments(familyId: string, content: ChildFileContent): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const named = { paiDocumentId: content.health.paiDocumentId, vaccinationDocumentId: content.health.vaccinationDocumentId };
  for (const [field, id] of Object.entries(named)) {
    if (!id) continue;
    const found = await db().document.findFirst({ where: { id, deletedAt: null, owner: { familyId } }, select: { id: true } });
    if (!found) errors[field] = "Ce document n'est pas dans l'espace de stockage de votre famille.";
  }
  return errors;
}

/** Saves the file as the parent completed it: a new version, which also confirms it for the school year. */
export async function saveChildFile(
  accountId: string,
  childId: string,
  input: ChildFileContent & { version: number },
  now: Date = new Date(),
): Promise<SaveResult> {
  const child = await childForParent(accountId, childId);
  if (!child) return { ok: false, message: "Vous ne pouvez pas modifier la fiche de cet enfant." };
  const fieldErrors = await checkDocuments(child.familyId, input);
  if (Object.keys(fieldErrors).length) return { ok: false, message: "Un document choisi n'est pas disponible.", fieldErrors };
  const content: ChildFileContent = { health: input.health, authorisations: input.authorisations, pickup: input.pickup };
  const schoolYear = currentConfirmationYear(now);
  const author = await authorName(accountId);
  const config = town().childFile;
  const result = await db()
    .$transaction(async (tx) => {
      const current = await tx.childFile.findUnique({ where: { childId } });
      if ((current?.version ?? 0) !== input.version) return null;
      const before = current ? contentOf(current) : null;
      const changes = describeChanges(before, content, config);
      const version = input.version + 1;
      const attention = needsStaffAttention(before, content);
      const data = {
        healthSealed: sealJson(content.health),
        hasPai: content.health.pai,
        hasAllergy: content.health.allergies.length > 0,
        authorisations: content.authorisations as unknown as Prisma.InputJsonValue,
        pickupPeople: content.pickup as unknown as Prisma.InputJsonValue,
        confirmedSchoolYear: schoolYear,
        confirmedAt: now,
        version,
        ...(attention ? { attentionVersion: version } : {}),
      };
      if (current) {
        // Conditional on the version read: a concurrent save by the other parent makes this one match nothing.
        const { count } = await tx.childFile.updateMany({ where: { childId, version: input.version }, data });
        if (count === 0) return null;
      } else {
        await tx.childFile.create({ data: { childId, ...data } });
      }
      await tx.childFileVersion.create({
        data: {
          childId,
          version,
          change: current ? "UPDATED" : "CREATED",
          schoolYear,
          authorAccountId: accountId,
          authorName: author,
          changedFields: changes.map((change) => change.label),
          snapshotSealed: sealJson(content),
          createdAt: now,
        },
      });
      await audit(
        {
          actorType: "ACCOUNT",
          actorId: accountId,
          action: current ? "child-file.updated" : "child-file.created",
          targetType: "FamilyMember",
          targetId: childId,
          details: { version, fields: changes.map((change) => change.label) },
        },
        tx,
      );
      return version;
    })
    .catch((error: unknown) => {
      // Two first saves at once: the second create hits the primary key.
      if ((error as { code?: string }).code === "P2002") return null;
      throw error;
    });
  return result === null ? { ok: false, message: CONFLICT_MESSAGE } : { ok: true, version: result };
}

/** « Rien n'a changé » : one click confirms the file as it is for the school year (a version without changes). */
export async function confirmChildFile(
  accountId: string,
  childId: string,
  expectedVersion: number,
  now: Date = new Date(),
): Promise<SaveResult> {
  const child = await childForParent(accountId, childId);
  if (!child) return { ok: false, message: "Vous ne pouvez pas modifier la fiche de cet enfant." };
  const schoolYear = currentConfirmationYear(now);
  const author = await authorName(accountId);
  const result = await db().$transaction(async (tx) => {
    const current = await tx.childFile.findUnique({ where: { childId } });
    if (!current) return { ok: false as const, message: "Complétez d'abord la fiche de votre enfant." };
    if (current.confirmedSchoolYear === schoolYear) return { ok: true as const, version: current.version };
    const version = expectedVersion + 1;
    const { count } = await tx.childFile.updateMany({
      where: { childId, version: expectedVersion },
      data: { version, confirmedSchoolYear: schoolYear, confirmedAt: now },
    });
    if (count === 0) return { ok: false as const, message: CONFLICT_MESSAGE };
    const content = contentOf(current);
    await tx.childFileVersion.create({
      data: {
        childId,
        version,
        change: "CONFIRMED",
        schoolYear,
        authorAccountId: accountId,
        authorName: author,
        changedFields: [],
        snapshotSealed: sealJson(content),
        createdAt: now,
      },
    });
    await audit(
      {
        actorType: "ACCOUNT",
        actorId: accountId,
        action: "child-file.confirmed",
        targetType: "FamilyMember",
        targetId: childId,
        details: { version, schoolYear },
      },
      tx,
    );
    return { ok: true as const, version };
  });
  return result;
}

/** The parent's children and where each file stands for the school year (list page and home page). */
export async function parentChildrenOverview(accountId: string, now: Date = new Date()) {
  const schoolYear = currentConfirmationYear(now);
  const children = await childrenForParent(accountId);
  const files = await db().childFile.findMany({
    where: { childId: { in: children.map((child) => child.id) } },
    select: { childId: true, confirmedSchoolYear: true },
  });
  const byChild = new Map(files.map((file) => [file.childId, file.confirmedSchoolYear]));
  return {
    schoolYear,
    children: children.map((child) => ({
      ...child,
      status: !byChild.has(child.id)
        ? ("missing" as const)
        : byChild.get(child.id) === schoolYear
          ? ("ok" as const)
          : ("to-confirm" as const),
    })),
  };
}
