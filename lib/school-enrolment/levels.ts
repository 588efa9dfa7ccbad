/** School levels and school years. Pure. */

export const LEVELS = ["PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  PS: "Petite section",
  MS: "Moyenne section",
  GS: "Grande section",
  CP: "CP",
  CE1: "CE1",
  CE2: "CE2",
  CM1: "CM1",
  CM2: "CM2",
};

export function isLevel(value: unknown): value is Level {
  return typeof value === "string" && (LEVELS as readonly string[]).includes(value);
}

export function levelKind(level: Level): "MATERNELLE" | "ELEMENTAIRE" {
  return LEVELS.indexOf(level) < 3 ? "MATERNELLE" : "ELEMENTAIRE";
}

/** The first calendar year of the school year that follows `at` ("next school year"): from September, the one after. */
export function nextSchoolYearStart(at: Date): number {
  return at.getUTCMonth() >= 8 ? at.getUTCFullYear() + 1 : at.getUTCFullYear();
}

/** "2027-2028" */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/**
 * The level by birth year only (French rule): petite section the calendar year the child turns 3, CP the year
 * they turn 6, one level a year after. Null when the child is too young for school or past the élémentaire.
 */
export function levelForBirthDate(birthDate: Date, schoolYearStart: number): Level | null {
  const age = schoolYearStart - birthDate.getUTCFullYear();
  return LEVELS[age - 3] ?? null;
}
