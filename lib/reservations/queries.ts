import "server-only";
import { db } from "@/lib/platform/db";
import { isUuid } from "@/lib/platform/validation/uuid";
import { bookingRule, cancelRule } from "./booking";
import { closedReason, type PeriodCalendar } from "./rules/closures";
import { dayState, type DayState } from "./rules/day-state";
import { dateOf, dayOf, monthDays, type Day } from "./rules/days";
import { remainingPlaces } from "./slots";

/** The activities and periods a family can enrol in (not finished yet), with each child's enrolment. */
export async function enrolmentChoices(familyId: string, now = new Date()) {
  const periods = await db().activityPeriod.findMany({
    where: { endDate: { gte: dateOf(dayOf(now)) }, activity: { active: true } },
    orderBy: [{ activity: { name: "asc" } }, { startDate: "asc" }],
    include: {
      activity: {
        select: { id: true, code: true, name: true, description: true, minAge: true, maxAge: true, validation: true, location: true },
      },
    },
  });
  const enrolments = await db().enrolment.findMany({
    where: { familyId },
    select: { id: true, childId: true, periodId: true, status: true, refusalReason: true, waitlistedAt: true },
  });
  return { periods, enrolments };
}

/** The family's enrolments with their status and waiting-list position, and the places offered to it. */
export async function familyOverview(familyId: string) {
  const enrolments = await db().enrolment.findMany({
    where: { familyId, status: { not: "CANCELLED" } },
    orderBy: [{ period: { startDate: "asc" } }],
    include: {
      child: { select: { firstName: true } },
      activity: { select: { code: true, name: true } },
      period: { select: { name: true, startDate: true, endDate: true, bookingOpensAt: true } },
    },
  });
  const positions = new Map<string, number>();
  for (const enrolment of enrolments.filter((candidate) => candidate.status === "WAITLISTED" && candidate.waitlistedAt)) {
    positions.set(
      enrolment.id,
      await db().enrolment.count({
        where: { periodId: enrolment.periodId, status: "WAITLISTED", waitlistedAt: { lte: enrolment.waitlistedAt! } },
      }),
    );
  }
  const offers = await db().booking.findMany({
    where: { familyId, status: "OFFERED", offerExpiresAt: { gt: new Date() } },
    orderBy: { date: "asc" },
    include: { child: { select: { firstName: true } }, activity: { select: { name: true } }, unit: { select: { label: true } } },
  });
  return { enrolments: enrolments.map((enrolment) => ({ ...enrolment, position: positions.get(enrolment.id) ?? null })), offers };
}

export interface CalendarCell {
  childId: string;
  unitId: string;
  bookingId: string | null;
  state: DayState;
}

export interface CalendarDay {
  day: Day;
  cells: CalendarCell[];
}

/**
 * One month of an activity for some children of a family: every day of their periods, and for each child and
 * unit its state (réservé, en attente, complet, fermé, hors délai, pas encore ouvert...) with its deadline.
 */
export async function monthCalendar(familyId: string, activityCode: string, month: string, childIds: string[], now = new Date()) {
  const days = monthDays(month);
  const from = days[0]!;
  const to = days[days.length - 1]!;
  // The reads that do not depend on each other go out together (each is a round trip of its own).
  const [activity, children] = await Promise.all([
    db().activity.findUnique({ where: { code: activityCode }, include: { units: { orderBy: { position: "asc" } } } }),
    // Only the family's children: the ids come from the request.
    db().familyMember.findMany({ where: { familyId, role: "CHILD", id: { in: childIds } }, select: { id: true, firstName: true } }),
  ]);
  if (!activity) return null;
  const shownIds = children.map((child) => child.id);
  const [closureRows, enrolments, bookings] = await Promise.all([
    // The activity's own closures and the town's closures of the month, in one query.
    db().closure.findMany({
      where: { OR: [{ activityId: activity.id }, { activityId: null, date: { gte: dateOf(from), lte: dateOf(to) } }] },
      select: { date: true, reason: true },
    }),
    db().enrolment.findMany({
      where: {
        familyId,
        activityId: activity.id,
        childId: { in: shownIds },
        status: "ACCEPTED",
        period: { startDate: { lte: dateOf(to) }, endDate: { gte: dateOf(from) } },
      },
      include: { period: true },
    }),
    db().booking.findMany({
      where: { familyId, activityId: activity.id, date: { gte: dateOf(from), lte: dateOf(to) }, childId: { in: shownIds } },
      select: {
        id: true,
        childId: true,
        unitId: true,
        date: true,
        status: true,
        waitlistedAt: true,
        offerExpiresAt: true,
        groupId: true,
        absenceDeclaredAt: true,
      },
    }),
  ]);
  const closures = closureRows.map((closure) => ({ date: dayOf(closure.date), reason: closure.reason }));
  const waitlisted = bookings.filter((candidate) => candidate.status === "WAITLISTED" && candidate.waitlistedAt);
  const groupIds = [...new Set(enrolments.map((enrolment) => enrolment.groupId).filter((id): id is string => id !== null))];
  const [positionCounts, placesByGroup] = await Promise.all([
    Promise.all(
      waitlisted.map((booking) =>
        db().booking.count({
          where: {
            groupId: booking.groupId,
            unitId: booking.unitId,
            date: booking.date,
            status: "WAITLISTED",
            waitlistedAt: { lte: booking.waitlistedAt! },
          },
        }),
      ),
    ),
    Promise.all(
      groupIds.map((groupId) =>
        remainingPlaces(
          db(),
          groupId,
          activity.units.map((unit) => unit.id),
          from,
          to,
        ),
      ),
    ),
  ]);
  const positions = new Map(waitlisted.map((booking, index) => [booking.id, positionCounts[index]!]));
  const remaining = new Map(groupIds.map((groupId, index) => [groupId, placesByGroup[index]!]));
  const calendarDays: CalendarDay[] = [];
  for (const day of days) {
    const cells: CalendarCell[] = [];
    for (const child of children) {
      const enrolment = enrolments.find((candidate) => dayOf(candidate.period.startDate) <= day && day <= dayOf(candidate.period.endDate));
      if (!enrolment?.groupId || !enrolment.period.weekdays.length) continue;
      const period = enrolment.period;
      const calendar: PeriodCalendar = {
        kind: period.kind,
        startDate: dayOf(period.startDate),
        endDate: dayOf(period.endDate),
        weekdays: period.weekdays,
      };
      const reason = closedReason(day, calendar, closures);
      if (reason === "Pas d'accueil ce jour-là") continue;
      for (const unit of activity.units) {
        const placesLeft = remaining.get(enrolment.groupId)?.get(`${day}|${unit.id}`);
        if (placesLeft === undefined) continue;
        const booking = bookings.find(
          (candidate) => candidate.childId === child.id && candidate.unitId === unit.id && dayOf(candidate.date) === day,
        );
        const live = booking && !["CANCELLED", "REFUSED"].includes(booking.status) ? booking : null;
        const state = dayState({
          day,
          now,
          closedReason: reason,
          bookingOpensAt: period.bookingOpensAt,
          booking: live ? { status: live.status, position: positions.get(live.id), offerExpiresAt: live.offerExpiresAt } : null,
          remaining: placesLeft,
          waitingList: activity.waitingList,
          bookingRule: bookingRule(activity),
          cancelRule: cancelRule(activity),
        });
        cells.push({ childId: child.id, unitId: unit.id, bookingId: live?.id ?? null, state });
      }
    }
    if (cells.length > 0) calendarDays.push({ day, cells });
  }
  const periods = [...new Map(enrolments.map((enrolment) => [enrolment.period.id, enrolment.period])).values()];
  return {
    activity,
    children,
    days: calendarDays,
    periods,
    absences: new Set(bookings.filter((booking) => booking.absenceDeclaredAt).map((booking) => booking.id)),
  };
}

/** A child's bookings to come, for the calendar file. */
export async function upcomingBookings(familyId: string, childId: string, now = new Date()) {
  return db().booking.findMany({
    where: { familyId, childId, status: "BOOKED", date: { gte: dateOf(dayOf(now)) } },
    orderBy: [{ date: "asc" }],
    include: {
      activity: { select: { name: true, location: true } },
      unit: { select: { label: true, startTime: true, endTime: true } },
      child: { select: { firstName: true, usageName: true } },
    },
  });
}

/** One booking of the family (null for another family's). */
export async function bookingOfFamily(familyId: string, bookingId: string) {
  if (!isUuid(bookingId)) return null;
  return db().booking.findFirst({
    where: { id: bookingId, familyId },
    include: {
      child: { select: { firstName: true } },
      activity: { select: { code: true, name: true, certificateWaivesCharge: true } },
      unit: { select: { label: true } },
    },
  });
}
