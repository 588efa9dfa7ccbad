import type { z } from "zod";
import type { ActionState } from "./action-state";

/**
 * What every back-office form action returns: the common action state (field errors keyed by field name,
 * what was typed so nothing is lost) and, once, a result to show (a one-time password, a Clé Enfance).
 */
export type AdminFormState = ActionState & {
  /** Shown once after success: { kind: "password" | "childKey", value, ... }. */
  result?: { kind: "password" | "childKey"; value: string; label?: string; familyId?: string };
};

export const idleState: AdminFormState = { status: "idle" };

/** The text fields of a form, as typed (files and secrets left out). */
export function typedValues(formData: FormData, omit: string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$") && !omit.includes(name)) values[name] = value;
  }
  return values;
}

/** zod issues as { field: first message }. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

export function invalid(
  previous: AdminFormState,
  formData: FormData,
  fieldErrors: Record<string, string>,
  omit: string[] = [],
): AdminFormState {
  return { status: "error", fieldErrors, values: typedValues(formData, omit), attempt: (previous.attempt ?? 0) + 1 };
}

export function done(previous: AdminFormState, message: string, extra: Partial<AdminFormState> = {}): AdminFormState {
  return { status: "done", message, attempt: (previous.attempt ?? 0) + 1, ...extra };
}
