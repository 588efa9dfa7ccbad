"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { useForm, type FieldValues, type Path, type DefaultValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FormState } from "@/lib/platform/actions/form-state";

/**
 * Forms posted to a server action: react-hook-form checks with the form's zod schema as the parent types,
 * then the form is posted to the server action, which validates again and answers with errors
 * keyed by field (mapped back with setError) or moves on. "PRÉCÉDENT" skips validation.
 * Without JavaScript the same form posts natively to the same action.
 */
export function useServerForm<Schema extends z.ZodType<unknown, FieldValues>>(
  schema: Schema,
  action: (state: FormState, formData: FormData) => Promise<FormState>,
  defaultValues: DefaultValues<z.input<Schema> & FieldValues>,
) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as FormState);
  const form = useForm<z.input<Schema> & FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<Schema> & FieldValues>,
    defaultValues,
    // Not on blur: a message appearing when a field loses focus moves the button being clicked, and the
    // click is lost. Errors show on submit, then update as the parent types.
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const [clientFailures, setClientFailures] = useState(0);

  useEffect(() => {
    if (state.status !== "error") return;
    for (const [name, message] of Object.entries(state.fieldErrors)) {
      form.setError(name as Path<z.input<Schema> & FieldValues>, { type: "server", message });
    }
  }, [state, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "previous") return; // posted as is, kept in the draft unvalidated
    event.preventDefault();
    const element = event.currentTarget;
    void form.handleSubmit(
      () => {
        const data = new FormData(element, submitter);
        startTransition(() => formAction(data));
      },
      () => setClientFailures((count) => count + 1),
    )();
  };

  const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
  const errorOf = (name: string) => errors[name]?.message;
  const initial = defaultValues as Record<string, unknown>;
  /**
   * A field's props: registration, its error, and its initial value in the server-rendered HTML
   * (register() alone fills inputs only after hydration: without this, a slow phone or a browser
   * without JavaScript would show empty fields).
   */
  const field = (name: Path<z.input<Schema> & FieldValues>) => {
    const value = initial[name];
    return {
      ...form.register(name),
      error: errorOf(name),
      ...(typeof value === "boolean" ? { defaultChecked: value } : { defaultValue: value === undefined || value === null ? undefined : String(value) }),
    };
  };
  const hasErrors = Object.keys(errors).length > 0;
  const serverAttempt = state.status === "error" ? state.attempt : 0;
  return {
    form,
    field,
    formAction,
    onSubmit,
    pending,
    errorOf,
    showBanner: hasErrors && (clientFailures > 0 || serverAttempt > 0),
    bannerKey: `${serverAttempt}-${clientFailures}`,
    state,
  };
}
