"use client";

import { createContext, useActionState, useContext, useId, type ReactNode } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { CheckboxField, TextField } from "@/components/forms/Field";
import type { AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { OneTimeResult } from "./OneTimeResult";

const FormStateContext = createContext<AdminFormState>({ status: "idle" });

/**
 * A back-office form posting to a server action: works without JavaScript, shows the error banner,
 * each error on its field, what was typed, and a result shown once (initial password, Clé Enfance).
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className = "flex flex-col gap-4",
  submitClassName = "btn-primary self-start",
  encType,
  confirm,
}: {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  submitClassName?: string;
  encType?: "multipart/form-data";
  /** A sentence the staff member must tick before a destructive action. */
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const statusId = useId();
  const hasFieldErrors = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  return (
    <FormStateContext.Provider value={state}>
      {state.status === "done" && state.message ? (
        <p role="status" className="mb-4 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          {state.message}
        </p>
      ) : null}
      {/* Outside the form: the Clé Enfance result carries its own form (the PDF letter). */}
      {state.status === "done" && state.result ? <OneTimeResult result={state.result} /> : null}
      <form action={formAction} className={className} encType={encType} noValidate>
        <ErrorBanner show={state.status === "error"} focusKey={state.attempt} message={hasFieldErrors ? undefined : state.message} />
        {children}
        {confirm ? <FormCheckbox name="confirmation" label={confirm} /> : null}
        <button type="submit" className={submitClassName} disabled={pending} aria-describedby={pending ? statusId : undefined}>
          {submitLabel}
        </button>
        {pending ? (
          <p id={statusId} role="status" className="text-sm text-slate-700">
            Enregistrement en cours…
          </p>
        ) : null}
      </form>
    </FormStateContext.Provider>
  );
}

function useField(name: string, defaultValue?: string) {
  const state = useContext(FormStateContext);
  return {
    error: state.fieldErrors?.[name],
    value: state.status === "error" ? (state.values?.[name] ?? defaultValue) : defaultValue,
    key: `${name}-${state.attempt ?? 0}`,
  };
}

type InputProps = { name: string; label: ReactNode; defaultValue?: string; required?: boolean; help?: ReactNode } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  "name" | "defaultValue" | "required"
>;

export function FormText({ name, label, defaultValue, required, help, ...input }: InputProps) {
  const field = useField(name, defaultValue);
  return (
    <TextField
      key={field.key}
      label={label}
      name={name}
      defaultValue={field.value}
      required={required}
      help={help}
      error={field.error}
      {...input}
    />
  );
}

export function FormTextarea({
  name,
  label,
  defaultValue,
  required,
  help,
  rows = 6,
}: {
  name: string;
  label: ReactNode;
  defaultValue?: string;
  required?: boolean;
  help?: ReactNode;
  rows?: number;
}) {
  const field = useField(name, defaultValue);
  const id = `champ-${name}-${useId().replace(/:/g, "")}`;
  const describedBy = [help ? `${id}-aide` : null, field.error ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {required ? (
          <span aria-hidden="true" className="mr-1 text-red-700">
            *
          </span>
        ) : null}
        {label}
        {required ? <span className="sr-only"> (obligatoire)</span> : null}
      </label>
      <textarea
        key={field.key}
        id={id}
        name={name}
        rows={rows}
        defaultValue={field.value}
        aria-required={required || undefined}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy}
        className="field-input font-mono text-sm"
      />
      {help ? (
        <p id={`${id}-aide`} className="field-help">
          {help}
        </p>
      ) : null}
      {field.error ? (
        <p id={`${id}-erreur`} className="field-error">
          {field.error}
        </p>
      ) : null}
    </div>
  );
}

export function FormCheckbox({
  name,
  label,
  defaultChecked,
  help,
}: {
  name: string;
  label: ReactNode;
  defaultChecked?: boolean;
  help?: ReactNode;
}) {
  const state = useContext(FormStateContext);
  const checked = state.status === "error" ? state.values?.[name] === "on" : defaultChecked;
  return (
    <CheckboxField
      key={`${name}-${state.attempt ?? 0}`}
      name={name}
      label={label}
      defaultChecked={checked}
      help={help}
      error={state.fieldErrors?.[name]}
    />
  );
}

export function FormSelect({
  name,
  label,
  options,
  defaultValue,
  required,
}: {
  name: string;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  required?: boolean;
}) {
  const field = useField(name, defaultValue);
  const id = `champ-${name}-${useId().replace(/:/g, "")}`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        key={field.key}
        id={id}
        name={name}
        defaultValue={field.value}
        aria-required={required || undefined}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? `${id}-erreur` : undefined}
        className="field-input"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {field.error ? (
        <p id={`${id}-erreur`} className="field-error">
          {field.error}
        </p>
      ) : null}
    </div>
  );
}
