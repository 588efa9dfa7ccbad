import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";

/**
 * Form fields with the Carbon-Blanc guide's look (required fields marked "*") and RGAA wiring: a visible label,
 * the help text and the error linked by aria-describedby, aria-invalid when wrong.
 */
interface FieldFrameProps {
  id: string;
  label: ReactNode;
  required?: boolean;
  help?: ReactNode;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
  className?: string;
}

export function FieldFrame({ id, label, required, help, error, children, className }: FieldFrameProps) {
  const helpId = help ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {required ? (
          <span aria-hidden="true" className="mr-1 text-red-700">
            *
          </span>
        ) : null}
        {label}
        {required ? <span className="sr-only"> (obligatoire)</span> : null}
      </label>
      {children(describedBy)}
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: ReactNode;
  name: string;
  help?: ReactNode;
  error?: string;
  fieldClassName?: string;
};

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, help, error, required, fieldClassName, className, ...input },
  ref,
) {
  const id = `champ-${input.name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldFrame id={id} label={label} required={required} help={help} error={error} className={fieldClassName}>
      {(describedBy) => (
        <input
          ref={ref}
          id={id}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`field-input ${className ?? ""}`}
          {...input}
        />
      )}
    </FieldFrame>
  );
});

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  label: ReactNode;
  name: string;
  help?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
  fieldClassName?: string;
};

export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, help, error, required, options, placeholder = "Choisir…", fieldClassName, className, ...select },
  ref,
) {
  const id = `champ-${select.name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldFrame id={id} label={label} required={required} help={help} error={error} className={fieldClassName}>
      {(describedBy) => (
        <select
          ref={ref}
          id={id}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`field-input ${className ?? ""}`}
          {...select}
        >
          <option value="">{placeholder}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
});

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  label: ReactNode;
  name: string;
  error?: string;
  help?: ReactNode;
};

export const CheckboxField = forwardRef<HTMLInputElement, CheckboxFieldProps>(function CheckboxField(
  { label, error, help, className, ...input },
  ref,
) {
  const id = `champ-${input.name}-${useId().replace(/:/g, "")}`;
  const helpId = help ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <input
          ref={ref}
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}
          className="mt-1 size-5 shrink-0 accent-town aria-[invalid=true]:outline-2 aria-[invalid=true]:outline-red-700"
          {...input}
        />
        <label htmlFor={id} className="text-base">
          {label}
        </label>
      </div>
      {help ? (
        <p id={helpId} className="field-help ml-8">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error ml-8">
          {error}
        </p>
      ) : null}
    </div>
  );
});
