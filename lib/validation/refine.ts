/**
 * Cross-field rules must run even when another field is wrong, so the parent sees every error at
 * once ("date de naissance" missing and "sexe" missing together), not one more after each fix.
 * Zod skips object refinements after any issue unless told otherwise.
 */
export const evenWithOtherErrors = { when: () => true } as const;

/** In such a rule a field may still hold its raw, invalid value: only trust real ISO dates. */
export const isIsoDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
