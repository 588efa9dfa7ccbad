import type { UseFormRegisterReturn } from "react-hook-form";

/** A yes/no question as a fieldset of two radios (RGAA: the question is the legend, the error is linked). */
export function YesNo({
  legend,
  registration,
  error,
  help,
  id,
}: {
  legend: string;
  registration: UseFormRegisterReturn;
  error?: string;
  help?: string;
  id: string;
}) {
  const errorId = error ? `${id}-erreur` : undefined;
  const helpId = help ? `${id}-aide` : undefined;
  return (
    <fieldset aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined} aria-invalid={error ? true : undefined}>
      <legend className="field-label">
        <span aria-hidden="true" className="mr-1 text-red-700">
          *
        </span>
        {legend}
        <span className="sr-only"> (obligatoire)</span>
      </legend>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      <div className="mt-1 flex gap-6">
        {(["oui", "non"] as const).map((value) => (
          <label key={value} className="flex min-h-11 items-center gap-2">
            <input type="radio" value={value} className="size-5 accent-town" {...registration} />
            {value === "oui" ? "Oui" : "Non"}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
