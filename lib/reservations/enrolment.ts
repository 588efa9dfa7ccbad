import "server-only";
import { db } from "@/lib/platform/db";
import { audit } from "@/lib/platform/audit";
import type { EnrolmentStatus } from "@/lib/generated/prisma/client";
import type { StaffActor } from "@/lib/platform/security/authorize";
import { childOfFamily } from "./access";
import { isUuid } from "@/lib/platform/validation/uuid";
import { tellFamily } from "./offers";
import { missingPrerequisites } from "./prerequisites";
import { dayOf } from "./rules/days";
import { eligibility } from "./rules/enrolment";

export type EnrolmentOutcome = { ok: true; status: EnrolmentStatus; position?: number } | { ok: false; reasons: string[] };

/**
 * A parent asks to enrol a child in an activity for a period. Refused with plain reasons when the age or the
 * prerequisites (child file) do not fit; otherwise accepted at once (automatic validation, a place left),
 * put on the waiting list (no place left) or left for staff to decide. Asking again changes nothing.
 */
export async function requestEnrolment(
  parent: { accountId: string; familyId: string },
  input: { childId: string; periodId: string },
  now = new Date(),
): Promise<EnrolmentOutcome> {
  const child = await childOfFamily(parent.familyId, input.childId);
  if (!isUuid(input.periodId)) return { ok: false, reasons: ["Cette période n'est pas ouverte aux inscriptions."] };
  const period = await db().activityPeriod.findUnique({
    where: { id: input.periodId },
    include: { activity: { include: { groups: true } } },
  });
  if (!period?.activity.active || dayOf(period.endDate) < dayOf(now))
    return { ok: false, reasons: ["Cette période n'est pas ouverte aux inscriptions."] };
  const activity = period.activity;
  const fits = eligibility(child, activity, dayOf(period.startDate), activity.groups);
  if (!fits.ok) return { ok: false, reasons: [fits.reason] };
  const missing = await missingPrerequisites(
    child.id,
    { documents: activity.requiredDocuments, authorisations: activity.requiredAuthorisations, file: activity.requiresChildFile },
    period.startDate,
  );
  if (missing.length > 0) return { ok: false, reasons: missing.map((item) => item.message) };

  return db().$transaction(async (tx) => {
    const existing = await tx.$queryRaw<{ id: string; status: EnrolmentStatus }[]>`
      INSERT INTO enrolments (id, "childId", "familyId", "activityId", "periodId", "groupId", status, "requestedById", "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${child.id}::uuid, ${parent.familyId}::uuid, ${activity.id}::uuid, ${period.id}::uuid, ${fits.groupId}::uuid, 'REQUESTED', ${parent.accountId}::uuid, ${now}, ${now})
      ON CONFLICT ("childId", "activityId", "periodId") DO UPDATE SET status = 'REQUESTED', "refusalReason" = NULL, "groupId" = EXCLUDED."groupId", "updatedAt" = EXCLUDED."updatedAt", "createdAt" = EXCLUDED."createdAt"
      WHERE enrolments.status IN ('CANCELLED', 'REFUSED')
      RETURNING id::text, status`;
    const row = existing[0];
    if (!row) {
      const current = await tx.enrolment.findUniqueOrThrow({
        where: { childId_activityId_periodId: { childId: child.id, activityId: activity.id, periodId: period.id } },
      });
      return { ok: true, status: current.status };
    }
    if (activity.validation === "STAFF") return { ok: true, status: "REQUESTED" as const };
    return admit(tx, row.id, period.id, null, now);
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Takes an enrolment place (conditional update on the period's counter) or puts the request on the waiting list. */
async function admit(tx: Tx, enrolmentId: string, periodId: string, staffId: string | null, now: Date): Promise<EnrolmentOutcome> {
  const place = await tx.$queryRaw<{ n: number }[]>`
    UPDATE activity_periods SET "enrolledCount" = "enrolledCount" + 1
    WHERE id = ${periodId}::uuid AND ("enrolmentCapacity" IS NULL OR "enrolledCount" < "enrolmentCapacity") RETURNING "enrolledCount" AS n`;
  if (place.length === 1) {
    await tx.enrolment.update({
      where: { id: enrolmentId },
      data: { status: "ACCEPTED", decidedAt: now, decidedById: staffId, waitlistedAt: null },
    });
    return { ok: true, status: "ACCEPTED" };
  }
  const waiting = await tx.enrolment.update({ where: { id: enrolmentId }, data: { status: "WAITLISTED", waitlistedAt: now } });
  const position = await tx.enrolment.count({
    where: { periodId, status: "WAITLISTED", waitlistedAt: { lte: waiting.waitlistedAt ?? now } },
  });
  return { ok: true, status: "WAITLISTED", position };
}

/** Staff accept (a place permitting: otherwise the waiting list) or refuse with a reason; the family is told. */
export async function decideEnrolment(
  staff: StaffActor,
  input: { enrolmentId: string; decision: "accept" | "refuse"; reason?: string },
  now = new Date(),
): Promise<EnrolmentOutcome> {
  if (!isUuid(input.enrolmentId)) return { ok: false, reasons: ["Demande introuvable."] };
  if (input.decision === "refuse" && !input.reason?.trim())
    return { ok: false, reasons: ["Indiquez le motif du refus : il sera lu par la famille."] };
  const outcome = await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; periodId: string; familyId: string; status: EnrolmentStatus }[]>`
      SELECT id::text, "periodId"::text AS "periodId", "familyId"::text AS "familyId", status FROM enrolments WHERE id = ${input.enrolmentId}::uuid FOR UPDATE`;
    const enrolment = locked[0];
    if (!enrolment || (enrolment.status !== "REQUESTED" && enrolment.status !== "WAITLISTED"))
      return { ok: false as const, reasons: ["Cette demande a déjà été traitée."] };
    const details = await tx.enrolment.findUniqueOrThrow({
      where: { id: enrolment.id },
      include: { child: true, activity: true, period: true },
    });
    let result: EnrolmentOutcome;
    if (input.decision === "refuse") {
      await tx.enrolment.update({
        where: { id: enrolment.id },
        data: { status: "REFUSED", refusalReason: input.reason!.trim(), decidedAt: now, decidedById: staff.id },
      });
      result = { ok: true, status: "REFUSED" };
    } else {
      result = await admit(tx, enrolment.id, enrolment.periodId, staff.id, now);
    }
    if (result.ok) {
      const what = `${details.child.firstName} — ${details.activity.name} (${details.period.name})`;
      const body =
        result.status === "ACCEPTED"
          ? `Inscription acceptée : ${what}. Vous pouvez réserver les jours.`
          : result.status === "REFUSED"
            ? `Inscription refusée : ${what}. Motif : ${input.reason!.trim()}`
            : `Inscription en liste d'attente : ${what} (position ${result.position}).`;
      await tellFamily(tx, enrolment.familyId, { title: "Réponse à votre demande d'inscription", body });
      await audit(
        {
          actorType: "STAFF",
          actorId: staff.id,
          action: `enrolment.${result.status.toLowerCase()}`,
          targetType: "enrolment",
          targetId: enrolment.id,
          details: input.reason ? { reason: input.reason } : undefined,
        },
        tx,
      );
    }
    return result;
  });
  return outcome;
}
