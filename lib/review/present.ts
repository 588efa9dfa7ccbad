/**
 * A declaration's people as staff read them: every field with its form label and its value in words
 * ("Père", "Oui", "06 12 34 56 78"), grouped per person, with the key a remark can point to.
 * Pure functions: the review page and the tests read the same thing.
 */
import { displayName, personRefParam, representativeKeys, type DeclarationPeople, type PersonRef } from "@/lib/declaration";
import {
  CHILD_LINK_FIELDS,
  fieldSpec,
  groupFields,
  optionLabel,
  representativeRoleLabel,
  SEX_UNKNOWN,
  staffLabel,
  type PersonFieldKey,
  type PersonGroup,
  type RawPerson,
} from "@/lib/declaration/schemas";

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

const yes = (value: string | boolean) => (value === true || value === "on" ? "Oui" : "Non");
const ticked = (value: string | boolean | undefined) => value === true || value === "on";

/** A group's fields in its form's order, ticks left out (each group shows its ticks in its own way below). */
const textFields = (group: PersonGroup) => groupFields(group).filter((key) => fieldSpec(key).input !== "checkbox");
const tickFields = (group: PersonGroup) => groupFields(group).filter((key) => fieldSpec(key).input === "checkbox");

/** A stored option in words ("PERE" → "Père"); a value that is not an option is shown as stored. */
function inWords(key: PersonFieldKey, text: string): string {
  const { options } = fieldSpec(key);
  return options ? (optionLabel(options, text) ?? text) : text;
}

function rows(values: RawPerson, keys: PersonFieldKey[]): (PresentedField & { key: PersonFieldKey })[] {
  const fields: (PresentedField & { key: PersonFieldKey })[] = [];
  for (const key of keys) {
    const raw = values[key];
    if (raw === undefined || raw === "" || raw === false) continue;
    const text = String(raw).trim();
    if (!text) continue;
    fields.push({ key, label: staffLabel(key), value: inWords(key, text) });
  }
  return fields;
}

const plain = (fields: (PresentedField & { key: PersonFieldKey })[]): PresentedField[] =>
  fields.map(({ label, value }) => ({ label, value }));

function person(ref: PersonRef, role: string, values: RawPerson, fields: PresentedField[]): PresentedPerson {
  return { key: personRefParam(ref), role, name: displayName(values, role), fields };
}

export function presentPeople(people: DeclarationPeople): PresentedPerson[] {
  const result: PresentedPerson[] = [];
  // A representative's ticks ("Liste rouge"...) follow their other fields, shown only when ticked.
  const representative = (ref: PersonRef, role: string, values: RawPerson) =>
    person(ref, role, values, [
      ...plain(rows(values, textFields("representative"))),
      ...tickFields("representative")
        .filter((key) => ticked(values[key]))
        .map((key) => ({ label: staffLabel(key), value: "Oui" })),
    ]);
  if (people.holder) result.push(representative({ kind: "holder" }, "Titulaire du compte", people.holder));
  if (people.co) result.push(representative({ kind: "co" }, "Co-représentant", people.co));
  const reps = representativeKeys(people);
  const { quality, authority } = CHILD_LINK_FIELDS;
  for (const child of people.children) {
    const links = reps.flatMap((rep) => {
      const name = displayName(rep === "holder" ? people.holder : people.co, representativeRoleLabel[rep]);
      const word = (link: typeof quality | typeof authority) => {
        const raw = String(child.values[link.key(rep)] ?? "");
        return (optionLabel(link.options, raw) ?? raw) || "–";
      };
      return [
        { label: quality.label(name), value: word(quality) },
        { label: authority.label(name), value: word(authority) },
      ];
    });
    const expected = ticked(child.values.expectedBirth);
    // Born or expected: only the date that applies (the other may linger in the draft from before a change).
    const fields = plain(
      rows(child.values, textFields("child")).filter((field) => field.key !== (expected ? "birthDate" : "expectedBirthDate")),
    );
    if (expected && !fields.some((field) => field.label === staffLabel("sex")))
      fields.splice(2, 0, { label: staffLabel("sex"), value: SEX_UNKNOWN });
    result.push(person({ kind: "child", id: child.id }, expected ? "Enfant à naître" : "Enfant", child.values, [...fields, ...links]));
  }
  // A contact always says whether to call them in an emergency, ticked or not.
  for (const contact of people.contacts) {
    const fields = [
      ...plain(rows(contact.values, textFields("contact"))),
      { label: staffLabel("emergencyContact"), value: yes(contact.values.emergencyContact ?? false) },
    ];
    result.push(person({ kind: "contact", id: contact.id }, "Contact", contact.values, fields));
  }
  return result;
}
