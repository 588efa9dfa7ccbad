/** What a form's server action answers: nothing yet, or errors keyed by field with what was typed. */
export type FormState =
  | { status: "idle" }
  | { status: "error"; fieldErrors: Record<string, string>; values: Record<string, string | boolean>; attempt: number };

export const idleState: FormState = { status: "idle" };
