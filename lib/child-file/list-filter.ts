import type { HealthListFilter } from "./staff";

/** The list's filter from the address bar: ages 0-25, and an activity and a day (read by the page); anything else is ignored. */
export function listFilterOf(search: { ageMin?: string; ageMax?: string }): HealthListFilter {
  const age = (value: string | undefined) => (value && /^\d{1,2}$/.test(value) && Number(value) <= 25 ? Number(value) : undefined);
  return { minAge: age(search.ageMin), maxAge: age(search.ageMax) };
}

/** The activity and day of a "who is expected" filter, when both are well formed. */
export function dayFilterOf(search: { activite?: string; jour?: string }): { activityCode: string; day: string } | null {
  const { activite, jour } = search;
  if (!activite || !jour || !/^[a-z0-9-]{1,60}$/i.test(activite) || !/^\d{4}-\d{2}-\d{2}$/.test(jour)) return null;
  return { activityCode: activite, day: jour };
}
