"use client";

import { useMemo } from "react";
import { CheckboxField, SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { savePersonAction } from "@/lib/declaration/actions";
import { childSchema, qualityOptions, sexOptions, yesNoOptions, type RawPerson, type RepresentativeKey } from "@/lib/declaration/schemas";
import { AddressFields } from "./AddressFields";
import { PersonFormFrame, SubHeading } from "./PersonFormFrame";

const ADDRESS = ["streetNumber", "streetName", "building", "apartment", "addressComplement", "postalCode", "city", "country"] as const;

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
  const schema = useMemo(() => childSchema(representatives.map((item) => item.key)), [representatives]);
  const wizard = useServerForm(schema, savePersonAction.bind(null, person), defaults as never);
  const field = (name: string) => wizard.field(name as never);
  const expected = wizard.form.watch("expectedBirth" as never) as unknown as boolean;
  const copyHolderAddress = () => {
    for (const name of ADDRESS) wizard.form.setValue(name as never, String(holderAddress[name] ?? "") as never, { shouldDirty: true });
  };
  return (
    <PersonFormFrame title={title} wizard={wizard} onClear={() => wizard.form.reset({} as never)}>
      <TextField label="Nom d'usage" required {...field("usageName")} />
      <TextField label="Prénom" required {...field("firstName")} />
      <SelectField label="Sexe" required options={sexOptions} {...field("sex")} />
      <CheckboxField label="Naissance prévue" help="Cochez si l'enfant n'est pas encore né : indiquez alors la date prévue." {...field("expectedBirth")} />
      {expected ? (
        <TextField label="Date de naissance prévue" required inputMode="numeric" help="Format attendu : jj/mm/aaaa." {...field("expectedBirthDate")} />
      ) : (
        <TextField label="Date de naissance" required inputMode="numeric" help="Format attendu : jj/mm/aaaa." {...field("birthDate")} />
      )}
      {ageWarning ? (
        <p className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">{ageWarning}</p>
      ) : null}
      <SubHeading>Adresse</SubHeading>
      <p>
        <button type="button" className="btn-secondary" onClick={copyHolderAddress}>
          Recopier les informations du titulaire
        </button>
      </p>
      <AddressFields field={field} required={false} />
      <SubHeading>Représentants</SubHeading>
      {representatives.map((representative) => (
        <div key={representative.key} className="grid gap-4 sm:grid-cols-2">
          <SelectField label={`Qualité de ${representative.name}`} required options={qualityOptions} {...field(`quality_${representative.key}`)} />
          <SelectField label={`Autorité parentale de ${representative.name}`} required options={yesNoOptions} {...field(`authority_${representative.key}`)} />
        </div>
      ))}
    </PersonFormFrame>
  );
}
