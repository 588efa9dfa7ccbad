/**
 * A declaration's people as staff read them: every field with its form label and its value in words
 * ("Père", "Oui", "06 12 34 56 78"), grouped per person, with the key a remark can point to.
 * Pure functions: the review page and the tests read the same thing.
 */
import { displayName, personRefParam, representativeKeys, type DeclarationPeople, type PersonRef } from "@/lib/declaration";
import { civilityOptions, qualityOptions, regimeOptions, relationshipOptions, representativeRoleLabel, sexOptions, yesNoOptions, type RawPerson } from "@/lib/declaration/schemas";

export interface PresentedField {
  label: string;
  value: string;
}

export interface PresentedPerson {
  /** "titulaire", "co-representant", "enfant-<id>", "contact-<id>": the parent form's address. */
  key: string;
  role: string;
  name: string;
  fields: PresentedField[];
}

const option = (options: readonly { value: string; label: string }[]) => (value: string) => options.find((entry) => entry.value === value)?.label ?? value;
const yes = (value: string | boolean) => (value === true || value === "on" ? "Oui" : "Non");

type Row = [key: string, label: string, format?: (value: string) => string];

const ADDRESS: Row[] = [
  ["streetNumber", "Numéro"],
  ["streetName", "Nom de la voie"],
  ["building", "Bâtiment"],
  ["apartment", "Appartement"],
  ["addressComplement", "Complément"],
  ["postalCode", "Code postal"],
  ["city", "Ville"],
  ["country", "Pays"],
];

const REPRESENTATIVE: Row[] = [
  ["civility", "Civilité", option(civilityOptions)],
  ["usageName", "Nom d'usage"],
  ["firstName", "Prénom"],
  ["birthDate", "Date de naissance"],
  ...ADDRESS,
  ["homePhone", "Téléphone domicile"],
  ["mobile", "Téléphone portable"],
  ["email", "Courriel"],
  ["profession", "Profession"],
  ["employer", "Employeur"],
  ["workPhone", "Téléphone professionnel"],
  ["allocataireMember", "Allocataire", option(yesNoOptions)],
  ["allocataireRegime", "Régime", option(regimeOptions)],
  ["allocataireOrganisation", "Organisme allocataire"],
  ["allocataireNumber", "Numéro d'allocataire"],
  ["dependentChildren", "Nombre d'enfants à charge"],
];

const REPRESENTATIVE_FLAGS: [key: string, label: string][] = [
  ["homePhoneUnlisted", "Liste rouge"],
  ["refusesSms", "Refuse les SMS"],
  ["refusesEmail", "Refuse les courriels"],
];

const CHILD: Row[] = [
  ["usageName", "Nom d'usage"],
  ["firstName", "Prénom"],
  ["sex", "Sexe", option(sexOptions)],
  ["birthDate", "Date de naissance"],
  ["expectedBirthDate", "Date de naissance prévue"],
  ...ADDRESS,
];

const CONTACT: Row[] = [
  ["civility", "Civilité", option(civilityOptions)],
  ["usageName", "Nom d'usage"],
  ["firstName", "Prénom"],
  ["phone", "Téléphone"],
  ["email", "Courriel"],
  ...ADDRESS,
  ["relationship", "Lien avec la famille", option(relationshipOptions)],
];

function rows(values: RawPerson, spec: Row[]): PresentedField[] {
  const fields: PresentedField[] = [];
  for (const [key, label, format] of spec) {
    const raw = values[key];
    if (raw === undefined || raw === "" || raw === false) continue;
    const text = String(raw).trim();
    if (!text) continue;
    fields.push({ label, value: format ? format(text) : text });
  }
  return fields;
}

function person(ref: PersonRef, role: string, values: RawPerson, fields: PresentedField[]): PresentedPerson {
  return { key: personRefParam(ref), role, name: displayName(values, role), fields };
}

export function presentPeople(people: DeclarationPeople): PresentedPerson[] {
  const result: PresentedPerson[] = [];
  const representative = (ref: PersonRef, role: string, values: RawPerson) =>
    person(ref, role, values, [...rows(values, REPRESENTATIVE), ...REPRESENTATIVE_FLAGS.filter(([key]) => values[key] === true || values[key] === "on").map(([, label]) => ({ label, value: "Oui" }))]);
  if (people.holder) result.push(representative({ kind: "holder" }, "Titulaire du compte", people.holder));
  if (people.co) result.push(representative({ kind: "co" }, "Co-représentant", people.co));
  const reps = representativeKeys(people);
  for (const child of people.children) {
    const links = reps.flatMap((rep) => {
      const name = displayName(rep === "holder" ? people.holder : people.co, representativeRoleLabel[rep]);
      return [
        { label: `Qualité de ${name}`, value: option(qualityOptions)(String(child.values[`quality_${rep}`] ?? "")) || "–" },
        { label: `Autorité parentale de ${name}`, value: option(yesNoOptions)(String(child.values[`authority_${rep}`] ?? "")) || "–" },
      ];
    });
    const expected = child.values.expectedBirth === true || child.values.expectedBirth === "on";
    const fields = rows(child.values, CHILD).filter((field) => (expected ? field.label !== "Date de naissance" : field.label !== "Date de naissance prévue"));
    result.push(person({ kind: "child", id: child.id }, expected ? "Enfant à naître" : "Enfant", child.values, [...fields, ...links]));
  }
  for (const contact of people.contacts) {
    const fields = [...rows(contact.values, CONTACT), { label: "À prévenir en cas d'urgence", value: yes(contact.values.emergencyContact ?? false) }];
    result.push(person({ kind: "contact", id: contact.id }, "Contact", contact.values, fields));
  }
  return result;
}
