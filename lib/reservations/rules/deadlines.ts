import { TZDate } from "@date-fns/tz";
import { workingDaysBefore } from "./closures";
import { addDays, parseDay, type Day } from "./days";

/** The town's time zone: every deadline is an instant computed there, daylight saving included. */
export const TOWN_TIME_ZONE = "Europe/Paris";

export interface DeadlineRule {
  /** J-n: how many days before the day. */
  daysBefore: number;
  /** "HH:MM" local time on that day. */
  time: string;
  /** Count working days (Monday to Friday, no public holiday) rather than calendar days. */
  workingDays: boolean;
}

/** The instant a local time of a day happens in Europe/Paris. */
export function parisInstant(day: Day, time: string): Date {
  const { year, month, dayOfMonth } = parseDay(day);
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Not a time: ${time}`);
  return new Date(new TZDate(year, month - 1, dayOfMonth, Number(match[1]), Number(match[2]), TOWN_TIME_ZONE).getTime());
}

/** The calendar day an instant falls on in Europe/Paris. */
export function parisDay(instant: Date): Day {
  const local = new TZDate(instant.getTime(), TOWN_TIME_ZONE);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

/** The last instant a day may be booked (or cancelled) under the rule. */
export function deadlineFor(day: Day, rule: DeadlineRule): Date {
  const dayOfDeadline = rule.workingDays ? workingDaysBefore(day, rule.daysBefore) : addDays(day, -rule.daysBefore);
  return parisInstant(dayOfDeadline, rule.time);
}

export function isBeforeDeadline(day: Day, rule: DeadlineRule, now: Date): boolean {
  return now.getTime() < deadlineFor(day, rule).getTime();
}

/** "lundi 1er mars à 10 h 00", as the parent reads a deadline. */
export function formatInstant(instant: Date): string {
  const local = new TZDate(instant.getTime(), TOWN_TIME_ZONE);
  const weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  const dayOfMonth = local.getDate();
  return `${weekdays[local.getDay()]} ${dayOfMonth === 1 ? "1er" : dayOfMonth} ${months[local.getMonth()]} ${local.getFullYear()} à ${local.getHours()} h ${String(local.getMinutes()).padStart(2, "0")}`;
}
