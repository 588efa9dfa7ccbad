"use client";

import { CheckboxField, SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { savePersonAction } from "@/lib/declaration/actions";
import { civilityOptions, contactSchema, relationshipOptions, type RawPerson } from "@/lib/declaration/schemas";
import { AddressFields } from "./AddressFields";
import { PersonFormFrame, SubHeading } from "./PersonFormFrame";

/** CONTACT: someone to call, "A prévenir en cas d'urgence", with their "Lien avec la famille". */
export function ContactForm({ person, title, defaults }: { person: string; title: string; defaults: RawPerson }) {
  const wizard = useServerForm(contactSchema, savePersonAction.bind(null, person), { emergencyContact: true, ...defaults } as never);
  const field = (name: string) => wizard.field(name as never);
  return (
    <PersonFormFrame title={title} wizard={wizard} onClear={() => wizard.form.reset({} as never)}>
      <SelectField label="Civilité" required options={civilityOptions} {...field("civility")} />
      <TextField label="Nom d'usage" required {...field("usageName")} />
      <TextField label="Prénom" required {...field("firstName")} />
      <TextField label="Téléphone" required type="tel" help="Exemple : 06 12 34 56 78" {...field("phone")} />
      <TextField label="Courriel" type="email" {...field("email")} />
      <SubHeading>Adresse</SubHeading>
      <AddressFields field={field} required={false} />
      <CheckboxField label="A prévenir en cas d'urgence" {...field("emergencyContact")} />
      <SelectField label="Lien avec la famille" required options={relationshipOptions} {...field("relationship")} />
    </PersonFormFrame>
  );
}
