"use client";

import { startTransition, useActionState, useEffect, useMemo, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { idleState, type FormState } from "@/lib/platform/actions/form-state";

/**
 * Forms posted to a server action: react-hook-form checks with the form's zod schema as the parent types,
 * then the form is posted to the server action, which validates again and answers with errors
 * keyed by field (mapped back with setError) or moves on. "PRÉCÉDENT" skips validation.
 * Without JavaScript the same form posts natively to the same action.
 *
 * `Values` is what the inputs hold, read from the schema's input type. A form whose inputs hold the parent's
 * raw text (the declaration's person forms) passes its schema typed as `z.ZodType<Output, RawText>`, so field
 * names stay checked without a cast.
 *
 * The schema may be given as a loader (`() => import("../schemas").then((m) => m.xSchema)`): zod and the resolver
 * then load when the parent first enters a field (`onFocus`, on the form), not with the page. That keeps about
 * 35 kB gzip off a form page's first load on a phone; the server validates every post anyway.
 */
export type SchemaSource<Output, Values extends FieldValues> = z.ZodType<Output, Values> | (() => Promise<z.ZodType<Output, Values>>);

export function useServerForm<Values extends FieldValues, Output>(
  schema: SchemaSource<Output, Values>,
  action: (state: FormState, formData: FormData) => Promise<FormState>,
  defaultValues: DefaultValues<Values>,
) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const { resolver, preload } = useMemo(() => lazyZodResolver(schema), [schema]);
  const form = useForm<Values, unknown, Output>({
    resolver,
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
      // The server names the form's fields by their keys, as strings (plus "form" for the whole form).
      form.setError(name as Path<Values>, { type: "server", message });
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
  const field = (name: Path<Values>) => {
    const value = initial[name];
    return {
      ...form.register(name),
      error: errorOf(name),
      ...(typeof value === "boolean"
        ? { defaultChecked: value }
        : { defaultValue: value === undefined || value === null ? undefined : String(value) }),
    };
  };
  const hasErrors = Object.keys(errors).length > 0;
  const serverAttempt = state.status === "error" ? state.attempt : 0;
  return {
    form,
    field,
    formAction,
    onSubmit,
    /** On the form element: starts loading the schema when the parent enters a field. */
    onFocus: preload,
    pending,
    errorOf,
    showBanner: hasErrors && (clientFailures > 0 || serverAttempt > 0),
    bannerKey: `${serverAttempt}-${clientFailures}`,
    state,
  };
}

/** A resolver that loads zod's resolver and the schema on first use (or on `preload`), then reuses them. */
function lazyZodResolver<Values extends FieldValues, Output>(schema: SchemaSource<Output, Values>) {
  let loading: Promise<Resolver<Values, unknown, Output>> | null = null;
  const load = () =>
    (loading ??= Promise.all([import("@hookform/resolvers/zod"), typeof schema === "function" ? schema() : schema]).then(
      ([{ zodResolver }, loaded]) => zodResolver(loaded),
    ));
  const resolver: Resolver<Values, unknown, Output> = async (values, context, options) => (await load())(values, context, options);
  return {
    resolver,
    preload: () => {
      void load();
    },
  };
}
