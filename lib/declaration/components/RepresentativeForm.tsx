"use client";

import { CheckboxField, SelectField, TextField } from "@/components/forms/Field";
import { useServerForm } from "@/components/forms/useServerForm";
import { savePersonAction } from "@/lib/declaration/actions";
import { civilityOptions, regimeOptions, representativeSchema, yesNoOptions, type RawPerson } from "@/lib/declaration/schemas";
import { AddressFields } from "./AddressFields";
import { PersonFormFrame, SubHeading } from "./PersonFormFrame";

const EMPTY: RawPerson = { country: "FRANCE" };

/** REPRÉSENTANT: the account holder (prefilled from the account) or the co-representative. */
export function RepresentativeForm({ person, title, defaults }: { person: "titulaire" | "co-representant"; title: string; defaults: RawPerson }) {
  const wizard = useServerForm(representativeSchema, savePersonAction.bind(null, person), defaults as never);
  const field = (name: string) => wizard.field(name as never);
  return (
    <PersonFormFrame title={title} wizard={wizard} onClear={() => wizard.form.reset(EMPTY as never)}>
      <SelectField label="Civilité" required options={civilityOptions} {...field("civility")} />
      <TextField label="Nom d'usage" required autoComplete="family-name" {...field("usageName")} />
      <TextField label="Prénom" required autoComplete="given-name" {...field("firstName")} />
      <TextField label="Date de naissance" required inputMode="numeric" help="Format attendu : jj/mm/aaaa." {...field("birthDate")} />
      <SubHeading>Adresse</SubHeading>
      <AddressFields field={field} required />
      <SubHeading>Moyens de contact</SubHeading>
      <TextField label="Téléphone domicile" type="tel" autoComplete="tel" {...field("homePhone")} />
      <CheckboxField label="Liste rouge" {...field("homePhoneUnlisted")} />
      <TextField label="Téléphone portable" required type="tel" autoComplete="tel" help="Exemple : 06 12 34 56 78" {...field("mobile")} />
      <CheckboxField label="Refuse les SMS" {...field("refusesSms")} />
      <TextField label="Courriel" required type="email" autoComplete="email" {...field("email")} />
      <CheckboxField label="Refuse les courriels" {...field("refusesEmail")} />
      <TextField label="Profession" required autoComplete="organization-title" {...field("profession")} />
      <TextField label="Employeur" required autoComplete="organization" {...field("employer")} />
      <TextField label="Téléphone professionnel" type="tel" {...field("workPhone")} />
      <SubHeading>Informations allocataire</SubHeading>
      <SelectField label="Membre allocataire" options={yesNoOptions} placeholder="Non renseigné" {...field("allocataireMember")} />
      <SelectField label="Régime allocataire" options={regimeOptions} placeholder="Non renseigné" {...field("allocataireRegime")} />
      <TextField label="Organisme allocataire" help="Exemple : CAF de la Gironde" {...field("allocataireOrganisation")} />
      <TextField label="Numéro d'allocataire" inputMode="numeric" {...field("allocataireNumber")} />
      <TextField label="Nombre d'enfants à charge" inputMode="numeric" maxLength={2} {...field("dependentChildren")} />
    </PersonFormFrame>
  );
}
