/**
 * What a react-hook-form form's server action answers (components/forms/useServerForm.ts): nothing yet, or
 * errors keyed by field with what was typed. Kept apart from ActionState (./action-state.ts) on purpose: an
 * error here always carries its field errors and attempt count (the hook maps them onto the fields and
 * re-announces the banner), and what was typed includes ticked boxes (booleans).
 */
export type FormState =
  { status: "idle" } | { status: "error"; fieldErrors: Record<string, string>; values: Record<string, string | boolean>; attempt: number };

export const idleState: FormState = { status: "idle" };
