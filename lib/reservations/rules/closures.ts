import Holidays from "date-holidays";
import { addDays, daysBetween, isoWeekday, type Day } from "./days";

/**
 * The days the town's services close: public holidays (computed by date-holidays for France), school holidays of
 * the town's zone (data: the ministry publishes them by decree, the town updates this list each year) and the
 * town's own closures (rows of the `closures` table, passed in).
 */

/** School holidays of zone A (Bordeaux academy), first and last day without school (weekends included). */
export const SCHOOL_HOLIDAYS_ZONE_A: { name: string; from: Day; to: Day }[] = [
  { name: "Vacances de la Toussaint 2025", from: "2025-10-18", to: "2025-11-02" },
  { name: "Vacances de Noël 2025", from: "2025-12-20", to: "2026-01-04" },
  { name: "Vacances d'hiver 2026", from: "2026-02-07", to: "2026-02-22" },
  { name: "Vacances de printemps 2026", from: "2026-04-04", to: "2026-04-19" },
  { name: "Pont de l'Ascension 2026", from: "2026-05-14", to: "2026-05-17" },
  { name: "Vacances d'été 2026", from: "2026-07-04", to: "2026-08-31" },
  { name: "Vacances de la Toussaint 2026", from: "2026-10-17", to: "2026-11-01" },
  { name: "Vacances de Noël 2026", from: "2026-12-19", to: "2027-01-03" },
  { name: "Vacances d'hiver 2027", from: "2027-02-13", to: "2027-02-28" },
  { name: "Vacances de printemps 2027", from: "2027-04-10", to: "2027-04-25" },
  { name: "Pont de l'Ascension 2027", from: "2027-05-06", to: "2027-05-09" },
  { name: "Vacances d'été 2027", from: "2027-07-03", to: "2027-08-31" },
];

const holidaysByYear = new Map<number, Map<Day, string>>();

/** French public holidays of a year (Lundi de Pentecôte included), day → name. */
export function publicHolidays(year: number): Map<Day, string> {
  let found = holidaysByYear.get(year);
  if (!found) {
    const calendar = new Holidays("FR");
    found = new Map(
      calendar
        .getHolidays(year)
        .filter((holiday) => holiday.type === "public")
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    holidaysByYear.set(year, found);
  }
  return found;
}

export function publicHoliday(day: Day): string | null {
  return publicHolidays(Number(day.slice(0, 4))).get(day) ?? null;
}

export function schoolHoliday(day: Day, zone = SCHOOL_HOLIDAYS_ZONE_A): string | null {
  return zone.find((holiday) => holiday.from <= day && day <= holiday.to)?.name ?? null;
}

/** A working day: Monday to Friday and not a public holiday (school holidays are working days). */
export function isWorkingDay(day: Day): boolean {
  return isoWeekday(day) <= 5 && publicHoliday(day) === null;
}

/** The working day `count` working days before `day` (the day itself not counted). */
export function workingDaysBefore(day: Day, count: number): Day {
  let cursor = day;
  for (let left = count; left > 0;) {
    cursor = addDays(cursor, -1);
    if (isWorkingDay(cursor)) left -= 1;
  }
  return cursor;
}

export interface PeriodCalendar {
  kind: "SCHOOL_YEAR" | "HOLIDAY_SESSION";
  startDate: Day;
  endDate: Day;
  weekdays: number[];
}

export interface TownClosure {
  date: Day;
  reason: string;
}

/** Why the activity is closed that day (a French reason for the parent), or null when it runs. */
export function closedReason(day: Day, period: PeriodCalendar, closures: readonly TownClosure[] = []): string | null {
  if (day < period.startDate || day > period.endDate) return "Hors de la période";
  if (!period.weekdays.includes(isoWeekday(day))) return "Pas d'accueil ce jour-là";
  const holiday = publicHoliday(day);
  if (holiday) return `Jour férié (${holiday})`;
  if (period.kind === "SCHOOL_YEAR") {
    const vacation = schoolHoliday(day);
    if (vacation) return vacation;
  }
  const closure = closures.find((candidate) => candidate.date === day);
  return closure ? closure.reason : null;
}

/** The days the activity runs in the period. */
export function openDays(period: PeriodCalendar, closures: readonly TownClosure[] = []): Day[] {
  return daysBetween(period.startDate, period.endDate).filter((day) => closedReason(day, period, closures) === null);
}
