import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { AttendanceStatus } from "@/lib/generated/prisma/client";
import { authorizeStaff, type Caller } from "@/lib/platform/security/authorize";
import { isUuid } from "@/lib/platform/validation/uuid";
import { bookDays, cancelBooking, type BookingOutcome } from "./booking";
import { healthFlagsFor, pickupInfo } from "./prerequisites";
import { dateOf, isDay, type Day } from "./rules/days";
import { parisDay } from "./rules/deadlines";

/**
 * The back-office side of reservations. Every function authorizes its caller itself (the third lock after the
 * proxy and the layout) and writes the audit log when staff read or change a family's data.
 */
export async function activitiesForStaff(caller: Caller) {
  await authorizeStaff(caller);
  const activities = await db().activity.findMany({
    orderBy: { name: "asc" },
    include: {
      periods: { orderBy: { startDate: "asc" } },
      units: { orderBy: { position: "asc" } },
      groups: { orderBy: { minAge: "asc" }, include: { capacities: true } },
    },
  });
  const pending = await db().enrolment.groupBy({ by: ["activityId"], where: { status: "REQUESTED" }, _count: true });
  return activities.map((activity) => ({ ...activity, pending: pending.find((row) => row.activityId === activity.id)?._count ?? 0 }));
}

/** Enrolment requests to decide (and waiting lists), oldest first, per activity. */
export async function enrolmentQueue(caller: Caller, activityCode?: string) {
  const staff = await authorizeStaff(caller);
  const rows = await db().enrolment.findMany({
    where: { status: { in: ["REQUESTED", "WAITLISTED"] }, ...(activityCode ? { activity: { code: activityCode } } : {}) },
    orderBy: [{ activity: { name: "asc" } }, { status: "asc" }, { createdAt: "asc" }],
    include: {
      child: { select: { firstName: true, usageName: true, birthDate: true } },
      family: { select: { dossierNumber: true } },
      activity: { select: { name: true, code: true } },
      period: { select: { name: true, enrolledCount: true, enrolmentCapacity: true } },
      group: { select: { name: true } },
    },
    take: 200,
  });
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "enrolment.queue-viewed",
    details: { activity: activityCode ?? null, count: rows.length },
  });
  return rows;
}

export interface DayRow {
  bookingId: string;
  childId: string;
  name: string;
  dossierNumber: string;
  status: string;
  attendance: AttendanceStatus | null;
  attendanceTime: string | null;
  absenceJustified: boolean;
  absenceDeclared: boolean;
  walkIn: boolean;
  health: { pai: boolean; allergies: { name: string; reaction: string | null; action: string | null }[]; diet: string | null } | null;
  pickup: { people: { name: string; phone: string; relationship: string }[]; leavesAlone: boolean } | null;
}

/** The day of an activity: per group and unit, the places (capacity, booked, left) and the children, with flags for attendance. */
export async function dayOfActivity(caller: Caller, activityCode: string, day: Day) {
  const staff = await authorizeStaff(caller);
  if (!isDay(day)) return null;
  const activity = await db().activity.findUnique({
    where: { code: activityCode },
    include: { units: { orderBy: { position: "asc" } }, groups: { orderBy: { minAge: "asc" }, include: { capacities: true } } },
  });
  if (!activity) return null;
  const [slots, bookings] = await Promise.all([
    db().bookingSlot.findMany({ where: { date: dateOf(day), group: { activityId: activity.id } } }),
    db().booking.findMany({
      where: { activityId: activity.id, date: dateOf(day), status: { in: ["BOOKED", "WAITLISTED", "OFFERED", "WALK_IN", "REQUESTED"] } },
      orderBy: [{ child: { usageName: "asc" } }, { child: { firstName: "asc" } }],
      include: { child: { select: { firstName: true, usageName: true } }, family: { select: { dossierNumber: true } } },
    }),
  ]);
  const childIds = [...new Set(bookings.map((booking) => booking.childId))];
  const [health, pickup] = await Promise.all([healthFlagsFor(caller, childIds), pickupInfo(childIds)]);
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.day-viewed",
    targetType: "activity",
    targetId: activity.id,
    details: { day, children: childIds.length, healthRead: health !== null },
  });
  const sections = activity.groups.flatMap((group) =>
    activity.units
      .filter((unit) => group.capacities.some((capacity) => capacity.unitId === unit.id))
      .map((unit) => {
        const slot = slots.find((candidate) => candidate.groupId === group.id && candidate.unitId === unit.id);
        const capacity = slot?.capacity ?? group.capacities.find((candidate) => candidate.unitId === unit.id)!.capacity;
        const rows: DayRow[] = bookings
          .filter((booking) => booking.groupId === group.id && booking.unitId === unit.id)
          .map((booking) => ({
            bookingId: booking.id,
            childId: booking.childId,
            name: `${booking.child.usageName.toUpperCase()} ${booking.child.firstName}`,
            dossierNumber: booking.family.dossierNumber,
            status: booking.status,
            attendance: booking.attendance,
            attendanceTime: booking.attendanceTime,
            absenceJustified: booking.absenceJustified,
            absenceDeclared: booking.absenceDeclaredAt !== null,
            walkIn: booking.walkIn,
            health: health?.get(booking.childId) ?? null,
            pickup: pickup.get(booking.childId) ?? null,
          }));
        return {
          group: { id: group.id, name: group.name },
          unit: { id: unit.id, label: unit.label },
          capacity,
          booked: slot?.booked ?? 0,
          remaining: capacity - (slot?.booked ?? 0),
          rows,
        };
      }),
  );
  return { activity, day, sections };
}

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  PRESENT: "Présent",
  ABSENT: "Absent",
  ABSENT_EXCUSED: "Absent excusé",
  LATE: "Arrivé en retard",
  LEFT_EARLY: "Parti à",
};

/** « Pointage »: one child's attendance (a time for a late arrival or an early departure). */
export async function recordAttendance(
  caller: Caller,
  input: { bookingId: string; status: AttendanceStatus; time: string | null; now?: Date },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const staff = await authorizeStaff(caller);
  if (!isUuid(input.bookingId)) return { ok: false, reason: "Réservation introuvable." };
  if ((input.status === "LATE" || input.status === "LEFT_EARLY") && !/^\d{2}:\d{2}$/.test(input.time ?? ""))
    return { ok: false, reason: "Indiquez l'heure (hh:mm)." };
  const time = input.status === "LATE" || input.status === "LEFT_EARLY" ? input.time : null;
  const updated = await db().booking.updateMany({
    where: { id: input.bookingId, status: { in: ["BOOKED", "WALK_IN"] } },
    data: {
      attendance: input.status,
      attendanceTime: time,
      attendanceById: staff.id,
      attendanceAt: input.now ?? new Date(),
      ...(input.status === "ABSENT_EXCUSED" ? { absenceJustified: true } : {}),
    },
  });
  if (updated.count !== 1) return { ok: false, reason: "Réservation introuvable." };
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.attendance",
    targetType: "booking",
    targetId: input.bookingId,
    details: { status: input.status, time },
  });
  return { ok: true };
}

/** An unexpected presence: a child enrolled in the activity, present without a booking (holds no place, billed as such). */
export async function addWalkIn(
  caller: Caller,
  input: { activityCode: string; day: Day; unitId: string; childId: string },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const staff = await authorizeStaff(caller);
  if (!isDay(input.day)) return { ok: false, reason: "Date invalide." };
  if (!isUuid(input.childId) || !isUuid(input.unitId)) return { ok: false, reason: "Enfant ou temps d'accueil inconnu." };
  const enrolment = await db().enrolment.findFirst({
    where: {
      childId: input.childId,
      activity: { code: input.activityCode },
      status: "ACCEPTED",
      groupId: { not: null },
      period: { startDate: { lte: dateOf(input.day) }, endDate: { gte: dateOf(input.day) } },
    },
  });
  if (!enrolment?.groupId) return { ok: false, reason: "Cet enfant n'est pas inscrit à l'activité pour cette période." };
  const rows = await db().$queryRaw<{ id: string }[]>`
    INSERT INTO bookings (id, "enrolmentId", "childId", "familyId", "activityId", "groupId", "unitId", "date", status, "walkIn", attendance, "attendanceById", "attendanceAt", "changedByType", "changedById", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${enrolment.id}::uuid, ${enrolment.childId}::uuid, ${enrolment.familyId}::uuid, ${enrolment.activityId}::uuid, ${enrolment.groupId}::uuid, ${input.unitId}::uuid, ${input.day}::date,
            'WALK_IN', true, 'PRESENT', ${staff.id}::uuid, now(), 'STAFF', ${staff.id}, now(), now())
    ON CONFLICT ("childId", "date", "unitId") DO UPDATE SET status = 'WALK_IN', "walkIn" = true, attendance = 'PRESENT', "attendanceById" = EXCLUDED."attendanceById", "attendanceAt" = now(), "updatedAt" = now()
    WHERE bookings.status IN ('CANCELLED', 'REFUSED')
    RETURNING id::text`;
  if (rows.length === 0) return { ok: false, reason: "Cet enfant a déjà une réservation ce jour-là : pointez-le dans la liste." };
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.walk-in",
    targetType: "booking",
    targetId: rows[0]!.id,
    details: { day: input.day },
  });
  return { ok: true };
}

/** Staff book for a family, past the deadline if need be (with a reason, in the audit log); never past capacity. */
export async function staffBook(
  caller: Caller,
  input: { childId: string; activityId: string; day: Day; unitId: string; reason: string },
): Promise<BookingOutcome | null> {
  const staff = await authorizeStaff(caller);
  const [outcome] = await bookDays(
    { kind: "staff", staffId: staff.id, reason: input.reason },
    { childId: input.childId, activityId: input.activityId, items: [{ day: input.day, unitId: input.unitId }] },
  );
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.staff-booked",
    targetType: "child",
    targetId: input.childId,
    details: { day: input.day, reason: input.reason, status: outcome?.status ?? null },
  });
  return outcome ?? null;
}

export async function staffCancel(caller: Caller, input: { bookingId: string; reason: string }) {
  const staff = await authorizeStaff(caller);
  const outcome = await cancelBooking({ kind: "staff", staffId: staff.id, reason: input.reason }, input.bookingId);
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.staff-cancelled",
    targetType: "booking",
    targetId: input.bookingId,
    details: { reason: input.reason, ok: outcome.ok },
  });
  return outcome;
}

/** The day as CSV (UTF-8 with BOM, `;`, CRLF, like the families export). */
export async function dayCsv(caller: Caller, activityCode: string, day: Day): Promise<string | null> {
  const data = await dayOfActivity(caller, activityCode, day);
  if (!data) return null;
  const cell = (value: string) =>
    /[";\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value;
  const lines = [
    [
      "date",
      "groupe",
      "temps_accueil",
      "enfant",
      "numero_dossier",
      "statut",
      "pointage",
      "heure",
      "absence_justifiee",
      "pai",
      "allergies",
    ].join(";"),
  ];
  for (const section of data.sections) {
    for (const row of section.rows) {
      lines.push(
        [
          day,
          section.group.name,
          section.unit.label,
          row.name,
          row.dossierNumber,
          row.status,
          row.attendance ? ATTENDANCE_LABELS[row.attendance] : "",
          row.attendanceTime ?? "",
          row.absenceJustified ? "oui" : "non",
          row.health?.pai ? "oui" : "non",
          (row.health?.allergies ?? []).map((allergy) => allergy.name).join(", "),
        ]
          .map(cell)
          .join(";"),
      );
    }
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Administrators edit the essentials of an activity's rules (deadlines, validation, time to accept an offer). */
export async function updateActivityRules(
  caller: Caller,
  activityId: string,
  rules: {
    validation: "AUTOMATIC" | "STAFF";
    bookingDaysBefore: number;
    bookingTime: string;
    cancelDaysBefore: number;
    cancelTime: string;
    workingDays: boolean;
    offerHours: number;
    waitingList: boolean;
    requiresChildFile: boolean;
    lotteryPriorities: string[];
  },
) {
  const staff = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!isUuid(activityId)) return;
  await db().activity.update({ where: { id: activityId }, data: rules });
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.rules-updated",
    targetType: "activity",
    targetId: activityId,
    details: rules,
  });
}

export interface CapacityChange {
  groupId: string;
  unitId: string;
  capacity: number;
}

/**
 * Administrators change a group's places per unit. Today's and later days already opened follow in the same
 * transaction, each in one UPDATE that never goes below the places already taken (`GREATEST(new, booked)`: nobody
 * loses a booking; the days where it could not go that low are returned so the agent can act). Past days keep
 * their capacity (it is what was offered). New places go to the waiting list first (the offer sweep, within two
 * minutes), not to whoever taps fastest.
 */
export async function updateCapacities(
  caller: Caller,
  activityId: string,
  changes: CapacityChange[],
  now = new Date(),
): Promise<{ capped: { day: string; groupId: string; unitId: string; booked: number }[] }> {
  const staff = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!isUuid(activityId)) return { capped: [] };
  const today = parisDay(now);
  const result = await db().$transaction(async (tx) => {
    const capped: { day: string; groupId: string; unitId: string; booked: number }[] = [];
    for (const change of changes) {
      if (
        !isUuid(change.groupId) ||
        !isUuid(change.unitId) ||
        !Number.isInteger(change.capacity) ||
        change.capacity < 0 ||
        change.capacity > 9999
      )
        continue;
      // Only a group and a unit of this activity (a forged pair from another activity changes nothing).
      const updated = await tx.$executeRaw`
        UPDATE group_capacities gc SET capacity = ${change.capacity}
        FROM activity_groups g, activity_units u
        WHERE gc."groupId" = ${change.groupId}::uuid AND gc."unitId" = ${change.unitId}::uuid
          AND g.id = gc."groupId" AND g."activityId" = ${activityId}::uuid AND u.id = gc."unitId" AND u."activityId" = ${activityId}::uuid`;
      if (updated === 0) continue;
      const rows = await tx.$queryRaw<{ day: string; booked: number }[]>`
        UPDATE booking_slots SET capacity = GREATEST(${change.capacity}::int, booked)
        WHERE "groupId" = ${change.groupId}::uuid AND "unitId" = ${change.unitId}::uuid AND "date" >= ${today}::date
        RETURNING to_char("date", 'YYYY-MM-DD') AS day, booked`;
      for (const row of rows)
        if (row.booked > change.capacity) capped.push({ day: row.day, groupId: change.groupId, unitId: change.unitId, booked: row.booked });
    }
    return { capped };
  });
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "reservations.capacities-updated",
    targetType: "activity",
    targetId: activityId,
    details: { changes: changes.map(({ groupId, unitId, capacity }) => ({ groupId, unitId, capacity })), capped: result.capped.length },
  });
  return result;
}

/**
 * The children expected at an activity on a day (booked, or added as unexpected presences), for lists built by
 * other features (the PAI and allergy list of the kitchen and the animators). Null: unknown activity or day.
 */
export async function childrenExpected(caller: Caller, activityCode: string, day: string): Promise<string[] | null> {
  await authorizeStaff(caller);
  if (!isDay(day) || !/^[a-z0-9-]{1,60}$/i.test(activityCode)) return null;
  const activity = await db().activity.findUnique({ where: { code: activityCode }, select: { id: true } });
  if (!activity) return null;
  const rows = await db().booking.findMany({
    where: { activityId: activity.id, date: dateOf(day), status: { in: ["BOOKED", "WALK_IN"] } },
    select: { childId: true },
    distinct: ["childId"],
  });
  return rows.map((row) => row.childId);
}
