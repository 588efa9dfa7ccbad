"use client";

import { useMemo } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { savePersonAction } from "@/lib/declaration/actions";
import type { PersonFormSchema, RawPerson } from "@/lib/declaration/schemas";
import { CHILD_LINK_FIELDS, PERSON_FIELDS as F, SECTION_TITLES, SEX_UNKNOWN, type RepresentativeKey } from "../person-fields";
import { AddressFields } from "./AddressFields";
import { CopyHolderAddress } from "./CopyHolderAddress";
import { PersonFormFrame, SubHeading } from "./PersonFormFrame";

const { quality, authority } = CHILD_LINK_FIELDS;

/** MEMBRE: a child, born or expected, with "Qualité de …" and "Autorité parentale de …" for each representative. */
export function ChildForm({
  person,
  title,
  defaults,
  representatives,
  holderAddress,
  ageWarning,
}: {
  person: string;
  title: string;
  defaults: RawPerson;
  representatives: { key: RepresentativeKey; name: string }[];
  holderAddress: RawPerson;
  ageWarning: string | null;
}) {
  // Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm).
  const schema = useMemo(
    () => (): Promise<PersonFormSchema> =>
      import("../schemas").then((module) => module.childSchema(representatives.map((item) => item.key))),
    [representatives],
  );
  const wizard = useServerForm(schema, savePersonAction.bind(null, person), defaults);
  const { field } = wizard;
  const expected = Boolean(wizard.form.watch("expectedBirth"));
  return (
    <PersonFormFrame title={title} wizard={wizard} onClear={() => wizard.form.reset({})}>
      <TextField label={F.usageName.label} required {...field("usageName")} />
      <TextField label={F.firstName.label} required {...field("firstName")} />
      <CheckboxField
        label={F.expectedBirth.label}
        help="Cochez si l'enfant n'est pas encore né : indiquez alors la date prévue."
        {...field("expectedBirth")}
      />
      {expected ? (
        <SelectField
          label={F.sex.label}
          options={F.sex.options}
          placeholder={SEX_UNKNOWN}
          help="Vous pourrez le préciser après la naissance."
          {...field("sex")}
        />
      ) : (
        <SelectField label={F.sex.label} required options={F.sex.options} {...field("sex")} />
      )}
      {expected ? (
        <TextField
          label={F.expectedBirthDate.label}
          required
          inputMode="numeric"
          help="Format attendu : jj/mm/aaaa."
          {...field("expectedBirthDate")}
        />
      ) : (
        <TextField label={F.birthDate.label} required inputMode="numeric" help="Format attendu : jj/mm/aaaa." {...field("birthDate")} />
      )}
      {ageWarning ? <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">{ageWarning}</p> : null}
      <SubHeading>{SECTION_TITLES.address}</SubHeading>
      <CopyHolderAddress
        holderAddress={holderAddress}
        setValue={(name, value) => wizard.form.setValue(name, value, { shouldDirty: true })}
      />
      <AddressFields field={field} required={false} />
      <SubHeading>{SECTION_TITLES.representatives}</SubHeading>
      {representatives.map((representative) => (
        <div key={representative.key} className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={quality.label(representative.name)}
            required
            options={quality.options}
            {...field(quality.key(representative.key))}
          />
          <SelectField
            label={authority.label(representative.name)}
            required
            options={authority.options}
            {...field(authority.key(representative.key))}
          />
        </div>
      ))}
    </PersonFormFrame>
  );
}
