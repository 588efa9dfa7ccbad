import { isoWeekday, type Day } from "./days";

/** « tous les lundis, mardis et jeudis jusqu'à la fin de la période »: the open days of those weekdays from `from`. */
export function daysOfPattern(openDays: readonly Day[], weekdays: readonly number[], from: Day, until: Day): Day[] {
  return openDays.filter((day) => day >= from && day <= until && weekdays.includes(isoWeekday(day)));
}
