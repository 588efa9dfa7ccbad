"use client";

import { useActionState } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { SelectField, TextField } from "@/components/forms/Field";
import { ACCEPT_ATTRIBUTE, DOCUMENT_RULE_TEXT } from "@/lib/documents/schemas";
import { submitSchoolRequestAction, type SchoolRequestState } from "../actions";
import { LEVEL_LABELS, LEVELS } from "../levels";
import { DEROGATION_REASONS } from "../schemas";

interface Props {
  child: { id: string; firstName: string; computedLevel: string };
  schools: { id: string; name: string; kind: "MATERNELLE" | "ELEMENTAIRE" }[];
  missingDocuments: { code: string; label: string }[];
}

const levelOptions = LEVELS.map((level) => ({ value: level, label: LEVEL_LABELS[level] }));
const reasonOptions = Object.entries(DEROGATION_REASONS).map(([value, label]) => ({ value, label }));

/** One child's request: works without JavaScript (multipart form to a server action); errors on their field. */
export function SchoolRequestForm({ child, schools, missingDocuments }: Props) {
  const [state, action, pending] = useActionState<SchoolRequestState, FormData>(submitSchoolRequestAction, { status: "idle" });
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  // The whole id: UUIDv7 ids begin with their creation time, so two children created together share a prefix.
  const suffix = child.id;
  return (
    <form action={action} encType="multipart/form-data" noValidate className="flex flex-col gap-4">
      <ErrorBanner
        show={state.status === "error"}
        focusKey={state.attempt}
        message={Object.keys(errors).length ? undefined : state.message}
      />
      <input type="hidden" name="childId" value={child.id} />
      {errors.childId ? <p className="field-error">{errors.childId}</p> : null}
      <SelectField
        name="level"
        label={`Niveau de ${child.firstName} à la rentrée`}
        required
        options={levelOptions}
        defaultValue={values.level ?? child.computedLevel}
        error={errors.level}
        help={`D'après sa date de naissance : ${LEVEL_LABELS[child.computedLevel as keyof typeof LEVEL_LABELS] ?? child.computedLevel}.`}
      />
      <TextField
        name="levelReason"
        label="Motif du changement de niveau (si vous en choisissez un autre)"
        defaultValue={values.levelReason}
        error={errors.levelReason}
        maxLength={500}
      />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Dérogation à la carte scolaire</legend>
        <div className="flex flex-col gap-2">
          <label className="flex items-center gap-2">
            <input type="radio" name="derogation" value="non" defaultChecked={values.derogation !== "oui"} /> Non, l&apos;école de mon
            secteur me convient
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="derogation" value="oui" defaultChecked={values.derogation === "oui"} /> Oui, je demande une autre
            école
          </label>
        </div>
        <SelectField
          name="derogationSchoolId"
          label="École demandée"
          options={schools.map((school) => ({ value: school.id, label: school.name }))}
          defaultValue={values.derogationSchoolId}
          error={errors.derogationSchoolId}
        />
        <SelectField
          name="derogationReason"
          label="Motif de la dérogation"
          options={reasonOptions}
          defaultValue={values.derogationReason}
          error={errors.derogationReason}
        />
        <TextField
          name="derogationDetails"
          label="Précisions (nom de l'enfant déjà scolarisé, adresse de la garde…)"
          defaultValue={values.derogationDetails}
          error={errors.derogationDetails}
          maxLength={1000}
        />
        <FileInput name="doc_derogation" label="Justificatif du motif" error={errors.doc_derogation} id={`derogation-${suffix}`} />
      </fieldset>
      {missingDocuments.length ? (
        <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
          <legend className="px-1 font-semibold">Pièces à joindre</legend>
          {missingDocuments.map((document) => (
            <FileInput
              key={document.code}
              name={`doc_${document.code}`}
              label={document.label}
              required
              error={errors[`doc_${document.code}`]}
              id={`${document.code}-${suffix}`}
            />
          ))}
        </fieldset>
      ) : null}
      <button type="submit" className="btn-primary self-start" disabled={pending}>
        Envoyer la demande d&apos;inscription
      </button>
      {pending ? (
        <p role="status" className="text-sm">
          Envoi en cours…
        </p>
      ) : null}
    </form>
  );
}

function FileInput({ name, label, required, error, id }: { name: string; label: string; required?: boolean; error?: string; id: string }) {
  const inputId = `champ-${id}`;
  return (
    <div>
      <label htmlFor={inputId} className="field-label">
        {required ? (
          <span aria-hidden="true" className="mr-1 text-red-700">
            *
          </span>
        ) : null}
        {label}
        {required ? <span className="sr-only"> (obligatoire)</span> : null}
      </label>
      <input
        id={inputId}
        name={name}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        aria-describedby={`${inputId}-aide${error ? ` ${inputId}-erreur` : ""}`}
        aria-invalid={error ? true : undefined}
        className="block w-full text-sm"
      />
      <p id={`${inputId}-aide`} className="field-help">
        {DOCUMENT_RULE_TEXT}
      </p>
      {error ? (
        <p id={`${inputId}-erreur`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
