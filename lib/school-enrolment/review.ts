import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/platform/mail/queue";
import { schoolEnrolmentDecisionMail } from "@/lib/platform/mail/templates";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { fileStore } from "@/lib/platform/storage";
import { town } from "@/lib/platform/town";
import { isLevel, LEVEL_LABELS } from "./levels";
import { isUuid } from "@/lib/platform/validation/uuid";

/**
 * Staff review of school enrolment requests. Each decision names the version the agent saw and is applied by
 * one conditional UPDATE (version and state in its WHERE): of two agents deciding at once, one wins and the
 * other is told the request changed; the parent's mail is queued in the same transaction (sent once).
 */

export type Decision = "grant-derogation" | "refuse-derogation" | "validate" | "refuse";

export async function listSchoolRequests(
  caller: Caller,
  filters: { schoolYear: string; schoolId?: string; level?: string; status?: string },
) {
  const actor = await authorizeStaff(caller);
  const where: Prisma.SchoolEnrolmentWhereInput = { schoolYear: filters.schoolYear };
  if (filters.schoolId && isUuid(filters.schoolId)) where.schoolId = filters.schoolId;
  if (filters.level && isLevel(filters.level)) where.level = filters.level;
  if (filters.status === "REQUESTED" || filters.status === "VALIDATED" || filters.status === "REFUSED") where.status = filters.status;
  const rows = await db().schoolEnrolment.findMany({
    where,
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: {
      id: true,
      reference: true,
      level: true,
      status: true,
      derogation: true,
      createdAt: true,
      school: { select: { name: true } },
      child: { select: { firstName: true, usageName: true, birthDate: true } },
    },
  });
  await audit({ ...staffAudit(actor), action: "school-enrolment.list.viewed", details: { ...filters, count: rows.length } });
  return rows;
}

export async function getSchoolRequest(caller: Caller, id: string) {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id)) return null;
  const row = await db().schoolEnrolment.findUnique({
    where: { id },
    include: { school: true, child: { select: { firstName: true, usageName: true, birthDate: true, familyId: true } } },
  });
  if (!row) return null;
  const [sectorSchool, derogationSchool] = await Promise.all([
    row.sectorSchoolId ? db().school.findUnique({ where: { id: row.sectorSchoolId }, select: { name: true } }) : null,
    row.derogationSchoolId ? db().school.findUnique({ where: { id: row.derogationSchoolId }, select: { name: true } }) : null,
  ]);
  await audit({ ...staffAudit(actor), action: "school-enrolment.viewed", targetType: "SchoolEnrolment", targetId: row.id });
  return { ...row, sectorSchoolName: sectorSchool?.name ?? null, derogationSchoolName: derogationSchool?.name ?? null };
}

/**
 * A document of an enrolment request (its own upload, or the one reused from the child's file), for staff: only a
 * document the request names, never a deleted one, and each access goes to the audit log.
 */
export async function readSchoolRequestDocument(caller: Caller, id: string, code: string) {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id) || !/^[a-z-]{1,40}$/.test(code)) return null;
  const row = await db().schoolEnrolment.findUnique({ where: { id }, select: { documents: true } });
  const entry = ((row?.documents ?? {}) as Record<string, { documentId?: string } | undefined>)[code];
  if (!entry?.documentId || !isUuid(entry.documentId)) return null;
  const document = await db().document.findFirst({
    where: { id: entry.documentId, deletedAt: null },
    select: { id: true, fileName: true, mediaType: true, provider: true, storageKey: true },
  });
  if (!document) return null;
  const bytes = await fileStore(document.provider).get(document.storageKey);
  if (!bytes) return null;
  await audit({
    ...staffAudit(actor),
    action: "document.viewed",
    targetType: "Document",
    targetId: document.id,
    details: { schoolEnrolmentId: id, kind: code },
  });
  return { document, bytes };
}

export async function decideSchoolRequest(
  caller: Caller,
  input: { id: string; version: number; decision: Decision; reason: string },
): Promise<void> {
  const actor = await authorizeStaff(caller);
  if (!isUuid(input.id)) throw new ExpectedError("Cette demande est introuvable.");
  const reason = input.reason.trim();
  if ((input.decision === "refuse" || input.decision === "refuse-derogation") && !reason)
    throw new ExpectedError("Le champ 'motif' est obligatoire pour un refus.", "reason");
  await db().$transaction(async (tx) => {
    const current = await tx.schoolEnrolment.findUnique({ where: { id: input.id }, select: { derogationSchoolId: true } });
    if (!current) throw new ExpectedError("Cette demande est introuvable.");
    const guard: Prisma.SchoolEnrolmentWhereInput = { id: input.id, version: input.version, status: "REQUESTED" };
    let data: Prisma.SchoolEnrolmentUncheckedUpdateManyInput;
    switch (input.decision) {
      case "grant-derogation":
        guard.derogation = "REQUESTED";
        data = { derogation: "GRANTED", schoolId: current.derogationSchoolId!, derogationDecision: reason || null };
        break;
      case "refuse-derogation":
        guard.derogation = "REQUESTED";
        data = { derogation: "REFUSED", derogationDecision: reason };
        break;
      case "validate":
        guard.derogation = { not: "REQUESTED" };
        data = { status: "VALIDATED", decidedAt: new Date(), decidedById: actor.id };
        break;
      case "refuse":
        data = { status: "REFUSED", refusalReason: reason, decidedAt: new Date(), decidedById: actor.id };
        break;
    }
    const updated = await tx.schoolEnrolment.updateMany({ where: guard, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) {
      throw new ExpectedError(
        input.decision === "validate"
          ? "Cette demande a changé depuis votre lecture, ou sa dérogation attend encore une décision : rechargez la page."
          : "Cette demande a changé depuis votre lecture (décision d'un autre agent ?) : rechargez la page.",
      );
    }
    await audit(
      {
        ...staffAudit(actor),
        action: `school-enrolment.${input.decision}`,
        targetType: "SchoolEnrolment",
        targetId: input.id,
        details: reason ? { reason } : undefined,
      },
      tx,
    );
    if (input.decision === "validate" || input.decision === "refuse") await tellFamily(tx, input.id, input.decision === "validate", reason);
  });
}

async function tellFamily(tx: Prisma.TransactionClient, id: string, validated: boolean, reason: string) {
  const row = await tx.schoolEnrolment.findUniqueOrThrow({
    where: { id },
    select: { accountId: true, level: true, schoolYear: true, school: { select: { name: true } }, child: { select: { firstName: true } } },
  });
  if (!row.accountId) return;
  const account = await tx.account.findUnique({
    where: { id: row.accountId },
    select: { email: true, civility: true, usageName: true, firstNames: true, status: true },
  });
  if (!account || account.status !== "ACTIVE") return;
  const link = "/espace/inscription-scolaire";
  const level = isLevel(row.level) ? LEVEL_LABELS[row.level] : row.level;
  await tx.notification.create({
    data: {
      accountId: row.accountId,
      title: validated ? "Inscription scolaire validée" : "Inscription scolaire refusée",
      body: validated
        ? `L'inscription de ${row.child.firstName} (${level}, ${row.school.name}) est validée : téléchargez le certificat d'inscription.`
        : `La demande d'inscription de ${row.child.firstName} est refusée : ${reason}`,
      link,
    },
  });
  const content = schoolEnrolmentDecisionMail(
    {
      ...account,
      validated,
      childName: row.child.firstName,
      schoolName: row.school.name,
      level,
      schoolYear: row.schoolYear,
      reason,
      link: `${env().APP_URL}${link}`,
    },
    town(),
  );
  await queueMail(tx, { to: account.email, ...content, tag: validated ? "school-enrolment-validated" : "school-enrolment-refused" });
}

/** Per school and level: the enrolled children (validated requests), for the director's list. */
export async function enrolledChildren(caller: Caller, schoolYear: string, schoolId: string) {
  const actor = await authorizeStaff(caller);
  if (!isUuid(schoolId)) return null;
  const school = await db().school.findUnique({
    where: { id: schoolId },
    select: { id: true, name: true, director: true, capacity: true },
  });
  if (!school) return null;
  const rows = await db().schoolEnrolment.findMany({
    where: { schoolYear, schoolId, status: "VALIDATED" },
    select: { reference: true, level: true, child: { select: { usageName: true, firstName: true, birthDate: true, sex: true } } },
  });
  rows.sort(
    (a, b) =>
      a.level.localeCompare(b.level) ||
      a.child.usageName.localeCompare(b.child.usageName, "fr") ||
      a.child.firstName.localeCompare(b.child.firstName, "fr"),
  );
  await audit({
    ...staffAudit(actor),
    action: "school-enrolment.school-list.viewed",
    targetType: "School",
    targetId: schoolId,
    details: { schoolYear, count: rows.length },
  });
  return { school, rows };
}

/** Headcount per school and level (requested and validated) against the capacity. */
export async function headcounts(caller: Caller, schoolYear: string) {
  await authorizeStaff(caller);
  const [schools, groups] = await Promise.all([
    db().school.findMany({ orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, kind: true, capacity: true } }),
    db().schoolEnrolment.groupBy({
      by: ["schoolId", "level", "status"],
      where: { schoolYear, status: { in: ["REQUESTED", "VALIDATED"] } },
      _count: { _all: true },
    }),
  ]);
  return schools.map((school) => {
    const capacity = (school.capacity ?? {}) as Record<string, number>;
    const levels = Object.keys(capacity).map((level) => {
      const count = (status: string) =>
        groups.find((group) => group.schoolId === school.id && group.level === level && group.status === status)?._count._all ?? 0;
      return { level, capacity: capacity[level] ?? 0, validated: count("VALIDATED"), requested: count("REQUESTED") };
    });
    return { ...school, levels };
  });
}
