"use client";

import { CheckboxField, SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { savePersonAction } from "@/lib/declaration/actions";
import type { PersonFormSchema, RawPerson } from "@/lib/declaration/schemas";
import { PERSON_FIELDS as F, SECTION_TITLES } from "../person-fields";
import { AddressFields } from "./AddressFields";
import { CopyHolderAddress } from "./CopyHolderAddress";
import { PersonFormFrame, SubHeading } from "./PersonFormFrame";

const EMPTY: RawPerson = { country: "FRANCE" };
/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = (): Promise<PersonFormSchema> => import("../schemas").then((module) => module.representativeSchema);

/** REPRÉSENTANT: the account holder (prefilled from the account) or the co-representative. */
export function RepresentativeForm({
  person,
  title,
  defaults,
  holderAddress,
}: {
  person: "titulaire" | "co-representant";
  title: string;
  defaults: RawPerson;
  /** For the co-representative only: the holder's address, to copy when both live together. */
  holderAddress?: RawPerson;
}) {
  const wizard = useServerForm(schema, savePersonAction.bind(null, person), defaults);
  const { field } = wizard;
  return (
    <PersonFormFrame title={title} wizard={wizard} onClear={() => wizard.form.reset(EMPTY)}>
      <SelectField label={F.civility.label} required options={F.civility.options} {...field("civility")} />
      <TextField label={F.usageName.label} required autoComplete="family-name" {...field("usageName")} />
      <TextField label={F.firstName.label} required autoComplete="given-name" {...field("firstName")} />
      <TextField label={F.birthDate.label} required inputMode="numeric" help="Format attendu : jj/mm/aaaa." {...field("birthDate")} />
      <SubHeading>{SECTION_TITLES.address}</SubHeading>
      {holderAddress ? (
        <CopyHolderAddress
          holderAddress={holderAddress}
          setValue={(name, value) => wizard.form.setValue(name, value, { shouldDirty: true })}
        />
      ) : null}
      <AddressFields field={field} required />
      <SubHeading>{SECTION_TITLES.contactMeans}</SubHeading>
      <TextField label={F.homePhone.label} type="tel" autoComplete="tel" {...field("homePhone")} />
      <CheckboxField label={F.homePhoneUnlisted.label} {...field("homePhoneUnlisted")} />
      <TextField label={F.mobile.label} required type="tel" autoComplete="tel" help="Exemple : 06 12 34 56 78" {...field("mobile")} />
      <CheckboxField label={F.refusesSms.label} {...field("refusesSms")} />
      <TextField label={F.email.label} required type="email" autoComplete="email" {...field("email")} />
      <CheckboxField label={F.refusesEmail.label} {...field("refusesEmail")} />
      <TextField label={F.profession.label} required autoComplete="organization-title" {...field("profession")} />
      <TextField label={F.employer.label} required autoComplete="organization" {...field("employer")} />
      <TextField label={F.workPhone.label} type="tel" {...field("workPhone")} />
      <SubHeading>{SECTION_TITLES.allocataire}</SubHeading>
      <SelectField
        label={F.allocataireMember.label}
        options={F.allocataireMember.options}
        placeholder="Non renseigné"
        {...field("allocataireMember")}
      />
      <SelectField
        label={F.allocataireRegime.label}
        options={F.allocataireRegime.options}
        placeholder="Non renseigné"
        {...field("allocataireRegime")}
      />
      <TextField label={F.allocataireOrganisation.label} help="Exemple : CAF de la Gironde" {...field("allocataireOrganisation")} />
      <TextField label={F.allocataireNumber.label} inputMode="numeric" {...field("allocataireNumber")} />
      <TextField label={F.dependentChildren.label} inputMode="numeric" maxLength={2} {...field("dependentChildren")} />
    </PersonFormFrame>
  );
}
