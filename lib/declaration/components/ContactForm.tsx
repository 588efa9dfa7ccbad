"use client";

import { CheckboxField, SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { savePersonAction } from "@/lib/declaration/actions";
import type { PersonFormSchema, RawPerson } from "@/lib/declaration/schemas";
import { PERSON_FIELDS as F, SECTION_TITLES } from "../person-fields";
import { AddressFields } from "./AddressFields";
import { PersonFormFrame, SubHeading } from "./PersonFormFrame";

/** Loaded when the parent first enters a field: zod stays off the page's first load (see useServerForm). */
const schema = (): Promise<PersonFormSchema> => import("../schemas").then((module) => module.contactSchema);

/** CONTACT: someone to call, "A prévenir en cas d'urgence", with their "Lien avec la famille". */
export function ContactForm({ person, title, defaults }: { person: string; title: string; defaults: RawPerson }) {
  const wizard = useServerForm(schema, savePersonAction.bind(null, person), { emergencyContact: true, ...defaults });
  const { field } = wizard;
  return (
    <PersonFormFrame title={title} wizard={wizard} onClear={() => wizard.form.reset({})}>
      <SelectField label={F.civility.label} required options={F.civility.options} {...field("civility")} />
      <TextField label={F.usageName.label} required {...field("usageName")} />
      <TextField label={F.firstName.label} required {...field("firstName")} />
      <TextField label={F.phone.label} required type="tel" help="Exemple : 06 12 34 56 78" {...field("phone")} />
      <TextField label={F.email.label} type="email" {...field("email")} />
      <SubHeading>{SECTION_TITLES.address}</SubHeading>
      <AddressFields field={field} required={false} />
      <CheckboxField label={F.emergencyContact.label} {...field("emergencyContact")} />
      <SelectField label={F.relationship.label} required options={F.relationship.options} {...field("relationship")} />
    </PersonFormFrame>
  );
}
