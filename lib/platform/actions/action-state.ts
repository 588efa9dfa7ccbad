/**
 * What a form's server action answers, one family for every form: nothing yet ("idle"), a failure ("error")
 * with a message for the form or errors keyed by field (each shown on its field), or a success ("done").
 * A form that shows something of its own (a one-time result, a list of outcomes) adds it to this shape
 * rather than redefining the rest.
 */
export type ActionStatus = "idle" | "error" | "done";

export interface ActionState<Status extends ActionStatus = ActionStatus> {
  status: Status;
  /** For the whole form, or for `field` when the action names one. */
  message?: string;
  /** Which field `message` is about. */
  field?: string;
  /** Errors keyed by field name. */
  fieldErrors?: Record<string, string>;
  /** What was typed, to show it again (files and secrets left out). */
  values?: Record<string, string>;
  /** Counts the answers, so that the same error banner is announced again. */
  attempt?: number;
}

/** The state of a form that never reports a success (it redirects instead). */
export type FailureState = ActionState<"idle" | "error">;
