import type { HealthListFilter } from "./staff";

/** The list's filter from the address bar (ages 0-25); anything else is ignored. */
export function listFilterOf(search: { ageMin?: string; ageMax?: string }): HealthListFilter {
  const age = (value: string | undefined) => (value && /^\d{1,2}$/.test(value) && Number(value) <= 25 ? Number(value) : undefined);
  return { minAge: age(search.ageMin), maxAge: age(search.ageMax) };
}
