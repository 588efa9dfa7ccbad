import { childSchema, contactSchema, representativeSchema, type RawPerson, type RepresentativeKey } from "./schemas";

/**
 * The people of a declaration as the parent typed them. Kept in Demarche.data (JSON) while the
 * démarche is a draft or being corrected; validated as a whole before sending and again on sending.
 */
export interface DeclarationPeople {
  holder: RawPerson | null;
  co: RawPerson | null;
  children: { id: string; values: RawPerson }[];
  contacts: { id: string; values: RawPerson }[];
}

export const emptyPeople = (): DeclarationPeople => ({ holder: null, co: null, children: [], contacts: [] });

/** Which form a person uses and where they live in the data: "titulaire", "co-representant", "enfant-<id>", "contact-<id>". */
export type PersonRef = { kind: "holder" } | { kind: "co" } | { kind: "child"; id: string | null } | { kind: "contact"; id: string | null };

export function parsePersonRef(value: string | undefined): PersonRef | null {
  if (!value || value === "titulaire") return { kind: "holder" };
  if (value === "co-representant") return { kind: "co" };
  if (value === "nouvel-enfant") return { kind: "child", id: null };
  if (value === "nouveau-contact") return { kind: "contact", id: null };
  const child = /^enfant-([0-9a-f-]{36})$/.exec(value);
  if (child) return { kind: "child", id: child[1]! };
  const contact = /^contact-([0-9a-f-]{36})$/.exec(value);
  if (contact) return { kind: "contact", id: contact[1]! };
  return null;
}

export function personRefParam(ref: PersonRef): string {
  switch (ref.kind) {
    case "holder":
      return "titulaire";
    case "co":
      return "co-representant";
    case "child":
      return ref.id ? `enfant-${ref.id}` : "nouvel-enfant";
    case "contact":
      return ref.id ? `contact-${ref.id}` : "nouveau-contact";
  }
}

export function representativeKeys(people: DeclarationPeople): RepresentativeKey[] {
  return people.co ? ["holder", "co"] : ["holder"];
}

export function schemaFor(ref: PersonRef, people: DeclarationPeople) {
  if (ref.kind === "holder" || ref.kind === "co") return representativeSchema;
  if (ref.kind === "child") return childSchema(representativeKeys(people));
  return contactSchema;
}

export type PersonErrors = Record<string, string>;

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): PersonErrors {
  const errors: PersonErrors = {};
  if (result.success || !result.error) return errors;
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

export function validatePerson(ref: PersonRef, values: RawPerson, people: DeclarationPeople): PersonErrors {
  return errorsOf(schemaFor(ref, people).safeParse(values));
}

/** Every person's errors, keyed by person param, for the panel's marks and for sending. */
export function validatePeople(people: DeclarationPeople): Record<string, PersonErrors> {
  const result: Record<string, PersonErrors> = {};
  const check = (ref: PersonRef, values: RawPerson | null) => {
    if (!values) return;
    const errors = validatePerson(ref, values, people);
    if (Object.keys(errors).length > 0) result[personRefParam(ref)] = errors;
  };
  check({ kind: "holder" }, people.holder);
  if (!people.holder) result.titulaire = { form: "Les informations du titulaire du compte sont à compléter." };
  check({ kind: "co" }, people.co);
  for (const child of people.children) check({ kind: "child", id: child.id }, child.values);
  for (const contact of people.contacts) check({ kind: "contact", id: contact.id }, contact.values);
  return result;
}

/** "Maurice TESTO" */
export function displayName(values: RawPerson | null | undefined, fallback: string): string {
  const first = String(values?.firstName ?? "").trim();
  const last = String(values?.usageName ?? "")
    .trim()
    .toUpperCase();
  return `${first} ${last}`.trim() || fallback;
}
