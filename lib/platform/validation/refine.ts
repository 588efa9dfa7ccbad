/**
 * Cross-field rules must run even when another field is wrong, so the parent sees every error at
 * once ("date de naissance" missing and "sexe" missing together), not one more after each fix.
 * Zod skips object refinements after any issue unless told otherwise.
 */
export const evenWithOtherErrors = {
  // ...but only on an object: a payload that is not one at all (null, a string posted by a script) would
  // make the rule itself throw instead of returning the refusal.
  when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null && !Array.isArray(payload.value),
} as const;

/** In such a rule a field may still hold its raw, invalid value: only trust real ISO dates. */
export const isIsoDate = (value: unknown): value is string => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
