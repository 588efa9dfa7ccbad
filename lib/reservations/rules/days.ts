/**
 * Calendar days as "YYYY-MM-DD" strings: a day of the town's calendar, with no time and no time zone, so that
 * a booking for "Wednesday 3 March" is the same day on every server whatever its TZ. Instants (deadlines,
 * openings) are computed from them in Europe/Paris by deadlines.ts.
 */
export type Day = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): value is Day {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function parseDay(day: Day): { year: number; month: number; dayOfMonth: number } {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new Error(`Not a day: ${day}`);
  return { year: Number(match[1]), month: Number(match[2]), dayOfMonth: Number(match[3]) };
}

/** The calendar day of a Prisma @db.Date value (read as UTC midnight). */
export function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

/** The @db.Date value of a day (UTC midnight), for Prisma queries. */
export function dateOf(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: Day, count: number): Day {
  const date = dateOf(day);
  date.setUTCDate(date.getUTCDate() + count);
  return dayOf(date);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const weekday = dateOf(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The days of a month ("2027-02"), first to last. */
export function monthDays(month: string): Day[] {
  const first = `${month}-01`;
  const { year, month: monthNumber } = parseDay(first);
  const last = dayOf(new Date(Date.UTC(year, monthNumber, 0)));
  return daysBetween(first, last);
}

export function addMonths(month: string, count: number): string {
  const { year, month: monthNumber } = parseDay(`${month}-01`);
  const date = new Date(Date.UTC(year, monthNumber - 1 + count, 1));
  return date.toISOString().slice(0, 7);
}

/** Whole years of age on a day (birthdays counted on the day itself). */
export function ageOn(birthDay: Day, on: Day): number {
  const birth = parseDay(birthDay);
  const at = parseDay(on);
  let age = at.year - birth.year;
  if (at.month < birth.month || (at.month === birth.month && at.dayOfMonth < birth.dayOfMonth)) age -= 1;
  return age;
}

const WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

export function weekdayName(isoDay: number): string {
  return WEEKDAY_NAMES[isoDay - 1] ?? "";
}

/** "mercredi 3 mars 2027" */
export function longDay(day: Day): string {
  const { year, month, dayOfMonth } = parseDay(day);
  return `${weekdayName(isoWeekday(day))} ${dayOfMonth === 1 ? "1er" : dayOfMonth} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "mars 2027" */
export function monthName(month: string): string {
  const { year, month: monthNumber } = parseDay(`${month}-01`);
  return `${MONTH_NAMES[monthNumber - 1]} ${year}`;
}
