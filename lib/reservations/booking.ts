import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { actorColumns, childOfFamily, type Actor } from "./access";
import { offerFreedPlaceJob, runAfterCommit, scheduleLotteryDraw } from "./jobs";
import { drawLottery } from "./lottery-draw";
import { closedReason } from "./rules/closures";
import { deadlineFor, formatInstant, type DeadlineRule } from "./rules/deadlines";
import { dateOf, dayOf, isDay, type Day } from "./rules/days";
import { isUuid } from "@/lib/platform/validation/uuid";
import { settle, waitingPosition } from "./settle";
import { ensureSlot, releasePlace, type SlotKey } from "./slots";

export type { BookingOutcome } from "./settle";
import type { BookingOutcome } from "./settle";

interface BookingContext {
  enrolmentId: string;
  childId: string;
  familyId: string;
  activityId: string;
  groupId: string;
  periodId: string;
  waitingList: boolean;
  lottery: boolean;
}

const refused = (day: Day, unitId: string, reason: string): BookingOutcome => ({ day, unitId, status: "REFUSED", reason });

export function bookingRule(activity: { bookingDaysBefore: number; bookingTime: string; workingDays: boolean }): DeadlineRule {
  return { daysBefore: activity.bookingDaysBefore, time: activity.bookingTime, workingDays: activity.workingDays };
}
export function cancelRule(activity: { cancelDaysBefore: number; cancelTime: string; workingDays: boolean }): DeadlineRule {
  return { daysBefore: activity.cancelDaysBefore, time: activity.cancelTime, workingDays: activity.workingDays };
}

/**
 * Books a child on days and units of an activity. Each day and unit is settled in its own short transaction
 * (booked, waitlisted, requested for the lottery, or refused with a reason) so that one full day never blocks
 * the others, and a repeated request (double tap, retry) finds the row it already made and changes nothing.
 * The rules are checked here, on the server, whatever the page showed; staff bypass the deadlines and the
 * opening time, never the capacity.
 */
export async function bookDays(
  actor: Actor,
  input: { childId: string; activityId: string; items: { day: string; unitId: string }[] },
  now = new Date(),
): Promise<BookingOutcome[]> {
  if (actor.kind === "parent") await childOfFamily(actor.familyId, input.childId);
  if (!isUuid(input.childId) || !isUuid(input.activityId))
    return input.items.map((item) => refused(item.day, item.unitId, "Enfant ou activité inconnus."));
  const activity = await db().activity.findUnique({
    where: { id: input.activityId },
    include: { units: { select: { id: true } }, closures: true },
  });
  if (!activity?.active) return input.items.map((item) => refused(item.day, item.unitId, "Cette activité n'est pas proposée."));
  const enrolments = await db().enrolment.findMany({
    where: {
      childId: input.childId,
      activityId: activity.id,
      status: "ACCEPTED",
      ...(actor.kind === "parent" ? { familyId: actor.familyId } : {}),
    },
    include: { period: true },
  });
  const townClosures = await db().closure.findMany({ where: { activityId: null } });
  const closures = [...activity.closures, ...townClosures].map((closure) => ({ date: dayOf(closure.date), reason: closure.reason }));
  const outcomes: BookingOutcome[] = [];
  const seen = new Set<string>();
  for (const item of input.items) {
    const key = `${item.day}|${item.unitId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (typeof item.day !== "string" || !isDay(item.day) || !activity.units.some((unit) => unit.id === item.unitId)) {
      outcomes.push(refused(item.day, item.unitId, "Jour ou temps d'accueil inconnu."));
      continue;
    }
    const enrolment = enrolments.find(
      (candidate) => dayOf(candidate.period.startDate) <= item.day && item.day <= dayOf(candidate.period.endDate),
    );
    if (!enrolment?.groupId) {
      outcomes.push(
        refused(
          item.day,
          item.unitId,
          "L'enfant n'est pas inscrit à cette activité pour cette période : faites d'abord la demande d'inscription.",
        ),
      );
      continue;
    }
    const period = enrolment.period;
    const closed = closedReason(
      item.day,
      { kind: period.kind, startDate: dayOf(period.startDate), endDate: dayOf(period.endDate), weekdays: period.weekdays },
      closures,
    );
    if (closed) {
      outcomes.push(refused(item.day, item.unitId, `Fermé ce jour-là : ${closed}.`));
      continue;
    }
    if (actor.kind === "parent") {
      const deadline = deadlineFor(item.day, bookingRule(activity));
      if (now >= deadline) {
        outcomes.push(
          refused(
            item.day,
            item.unitId,
            `Hors délai : les réservations pour ce jour étaient possibles jusqu'au ${formatInstant(deadline)}.`,
          ),
        );
        continue;
      }
      if (period.bookingOpensAt && now < period.bookingOpensAt) {
        outcomes.push(refused(item.day, item.unitId, `Les réservations ouvrent le ${formatInstant(period.bookingOpensAt)}.`));
        continue;
      }
    }
    let lottery =
      period.openingMode === "LOTTERY" &&
      period.lotteryDrawnAt === null &&
      (period.bookingOpensAt === null || now >= period.bookingOpensAt);
    if (lottery) {
      const windowEnd = (period.bookingOpensAt?.getTime() ?? 0) + period.lotteryMinutes * 60_000;
      if (now.getTime() >= windowEnd) {
        // The window has closed and nobody drew yet: the first request after it draws (idempotent), then books.
        await drawLottery(period.id, now);
        period.lotteryDrawnAt = now;
        lottery = false;
      } else {
        scheduleLotteryDraw(period.id, new Date(windowEnd));
      }
    }
    const context: BookingContext = {
      enrolmentId: enrolment.id,
      childId: enrolment.childId,
      familyId: enrolment.familyId,
      activityId: activity.id,
      groupId: enrolment.groupId,
      periodId: period.id,
      waitingList: activity.waitingList,
      lottery,
    };
    outcomes.push(await db().$transaction((tx) => bookOne(tx, actor, context, item.day, item.unitId, now)));
  }
  return outcomes;
}

async function bookOne(
  tx: Prisma.TransactionClient,
  actor: Actor,
  context: BookingContext,
  day: Day,
  unitId: string,
  now: Date,
): Promise<BookingOutcome> {
  const slot: SlotKey = { groupId: context.groupId, unitId, day };
  if (!(await ensureSlot(tx, slot))) return refused(day, unitId, "Ce temps d'accueil n'est pas proposé au groupe de l'enfant.");
  // A lottery period: wait for a draw in progress to commit (it holds the period row), then read whether it happened.
  let lottery = false;
  if (context.lottery) {
    const period = await tx.$queryRaw<
      { drawn: boolean }[]
    >`SELECT ("lotteryDrawnAt" IS NOT NULL) AS drawn FROM activity_periods WHERE id = ${context.periodId}::uuid FOR SHARE`;
    lottery = period[0]?.drawn === false;
  }
  const who = actorColumns(actor);
  // Claim the (child, day, unit) row: a new row, or a cancelled/refused one taken up again. Nothing comes back when
  // the child already holds it (booked, waitlisted, offered, requested): the request is a repeat.
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO bookings (id, "enrolmentId", "childId", "familyId", "activityId", "groupId", "unitId", "date", status, "requestedAt", "changedByType", "changedById", "staffReason", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${context.enrolmentId}::uuid, ${context.childId}::uuid, ${context.familyId}::uuid, ${context.activityId}::uuid, ${context.groupId}::uuid, ${unitId}::uuid, ${day}::date,
            'REQUESTED', clock_timestamp(), ${who.type}::"ActorType", ${who.id}, ${who.reason}, ${now}, ${now})
    ON CONFLICT ("childId", "date", "unitId") DO UPDATE SET
      status = 'REQUESTED', "requestedAt" = clock_timestamp(), "enrolmentId" = EXCLUDED."enrolmentId", "groupId" = EXCLUDED."groupId",
      "refusalReason" = NULL, "waitlistedAt" = NULL, "offeredAt" = NULL, "offerExpiresAt" = NULL, "cancelledAt" = NULL, "cancelledLate" = false,
      "absenceDeclaredAt" = NULL, "absenceJustified" = false, "certificateDocumentId" = NULL, attendance = NULL, "attendanceTime" = NULL,
      "changedByType" = EXCLUDED."changedByType", "changedById" = EXCLUDED."changedById", "staffReason" = EXCLUDED."staffReason", "updatedAt" = EXCLUDED."updatedAt"
    WHERE bookings.status IN ('CANCELLED', 'REFUSED')
    RETURNING id::text`;
  const row = claimed[0];
  if (!row) {
    const existing = await tx.booking.findUniqueOrThrow({
      where: { childId_date_unitId: { childId: context.childId, date: dateOf(day), unitId } },
      select: { status: true, waitlistedAt: true },
    });
    if (existing.status === "WALK_IN") return refused(day, unitId, "Une présence est déjà notée ce jour-là.");
    const status = existing.status as "BOOKED" | "WAITLISTED" | "REQUESTED" | "OFFERED";
    return {
      day,
      unitId,
      status,
      already: true,
      ...(status === "WAITLISTED" ? { position: await waitingPosition(tx, slot, existing.waitlistedAt) } : {}),
    };
  }
  if (lottery) return { day, unitId, status: "REQUESTED", already: false };
  return settle(tx, slot, row.id, context.waitingList);
}

export type CancelOutcome = { ok: true; late: boolean } | { ok: false; reason: string };

/**
 * Cancels a booking (or leaves a waiting list, or declines an offer). A parent may cancel a booking until the
 * cancellation deadline; past it, only staff, with a reason (recorded as a late cancellation for billing).
 * A freed place goes to the waiting list through the offer job.
 */
export async function cancelBooking(actor: Actor, bookingId: string, now = new Date()): Promise<CancelOutcome> {
  if (!isUuid(bookingId)) return { ok: false, reason: "Réservation introuvable." };
  const booking = await db().booking.findUnique({ where: { id: bookingId }, include: { activity: true } });
  if (!booking || (actor.kind === "parent" && booking.familyId !== actor.familyId))
    return { ok: false, reason: "Réservation introuvable." };
  const day = dayOf(booking.date);
  const late = now >= deadlineFor(day, cancelRule(booking.activity));
  if (late && booking.status === "BOOKED") {
    if (actor.kind === "parent")
      return {
        ok: false,
        reason: `Le délai d'annulation est dépassé (${formatInstant(deadlineFor(day, cancelRule(booking.activity)))}) : vous pouvez déclarer une absence avec un certificat.`,
      };
    if (!actor.reason?.trim()) return { ok: false, reason: "Indiquez le motif de l'annulation hors délai." };
  }
  const who = actorColumns(actor);
  const slot: SlotKey = { groupId: booking.groupId, unitId: booking.unitId, day };
  const freed = await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ previous: string }[]>`
      WITH previous AS (SELECT id, status FROM bookings WHERE id = ${bookingId}::uuid AND status IN ('BOOKED', 'WAITLISTED', 'OFFERED', 'REQUESTED') FOR UPDATE)
      UPDATE bookings b SET status = 'CANCELLED', "cancelledAt" = ${now}, "cancelledLate" = ${late && booking.status === "BOOKED"}, "updatedAt" = ${now},
        "changedByType" = ${who.type}::"ActorType", "changedById" = ${who.id}, "staffReason" = ${who.reason}
      FROM previous WHERE b.id = previous.id RETURNING previous.status::text AS previous`;
    const previous = rows[0]?.previous;
    if (previous === "BOOKED" || previous === "OFFERED") {
      await releasePlace(tx, slot);
      return true;
    }
    return false;
  });
  if (freed) runAfterCommit(offerFreedPlaceJob, slot);
  return { ok: true, late: late && booking.status === "BOOKED" };
}

/** Accepts a place offered from the waiting list, while the offer runs. */
export async function acceptOffer(
  actor: Actor,
  bookingId: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!isUuid(bookingId)) return { ok: false, reason: "Réservation introuvable." };
  const familyId = actor.kind === "parent" ? actor.familyId : null;
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE bookings SET status = 'BOOKED', "updatedAt" = ${now}
    WHERE id = ${bookingId}::uuid AND status = 'OFFERED' AND "offerExpiresAt" > ${now} AND (${familyId}::uuid IS NULL OR "familyId" = ${familyId}::uuid)
    RETURNING id::text`;
  return rows.length === 1
    ? { ok: true }
    : { ok: false, reason: "Cette proposition n'est plus valable : le délai pour l'accepter est passé." };
}

/**
 * Swaps one booked day for another in one step (Publik's `cancel_booking_id`): the new day is booked first, and only
 * once it is booked is the old one cancelled; when the new day cannot be booked, the old one stays as it was.
 */
export async function swapBooking(
  actor: Actor & { kind: "parent" },
  input: { bookingId: string; day: string; unitId: string },
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!isUuid(input.bookingId)) return { ok: false, reason: "Réservation introuvable." };
  const old = await db().booking.findFirst({
    where: { id: input.bookingId, familyId: actor.familyId, status: "BOOKED" },
    include: { activity: true },
  });
  if (!old) return { ok: false, reason: "Réservation introuvable." };
  const oldDay = dayOf(old.date);
  if (now >= deadlineFor(oldDay, cancelRule(old.activity)))
    return { ok: false, reason: "Le délai d'annulation du jour à échanger est dépassé." };
  const [outcome] = await bookDays(
    actor,
    { childId: old.childId, activityId: old.activityId, items: [{ day: input.day, unitId: input.unitId }] },
    now,
  );
  if (!outcome || outcome.status !== "BOOKED" || ("already" in outcome && outcome.already)) {
    // Only a fresh booking counts as the new day; anything else (full, refused) leaves the old day as it was.
    if (outcome?.status === "WAITLISTED" && !outcome.already) await cancelByKey(actor, old.childId, input.day, input.unitId, now);
    return {
      ok: false,
      reason: outcome?.status === "REFUSED" ? outcome.reason : "Le nouveau jour est complet : l'échange n'a pas été fait.",
    };
  }
  const cancelled = await cancelBooking(actor, old.id, now);
  return cancelled.ok ? { ok: true } : cancelled;
}

async function cancelByKey(actor: Actor, childId: string, day: Day, unitId: string, now: Date) {
  const row = await db().booking.findUnique({
    where: { childId_date_unitId: { childId, date: dateOf(day), unitId } },
    select: { id: true },
  });
  if (row) await cancelBooking(actor, row.id, now);
}

/** After the cancellation deadline: the child will be absent; a certificate makes it a justified absence. */
export async function declareAbsence(
  actor: Actor & { kind: "parent" },
  bookingId: string,
  certificateDocumentId: string | null,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!isUuid(bookingId)) return { ok: false, reason: "Réservation introuvable." };
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE bookings SET "absenceDeclaredAt" = ${now}, "absenceJustified" = ${certificateDocumentId !== null}, "certificateDocumentId" = ${certificateDocumentId}::uuid, "updatedAt" = ${now}
    WHERE id = ${bookingId}::uuid AND "familyId" = ${actor.familyId}::uuid AND status = 'BOOKED'
    RETURNING id::text`;
  return rows.length === 1 ? { ok: true } : { ok: false, reason: "Réservation introuvable." };
}
