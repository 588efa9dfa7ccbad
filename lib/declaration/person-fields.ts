/**
 * Every field of a person in the family declaration, once: its key (as posted and stored in the draft), its
 * French label, its options, and where it belongs (representative, child or contact; the form's section).
 * The forms, the parent's summary, the staff page and the dossier writer all read this list, so a label
 * changes in one place. Pure data: safe in the browser (re-exported by ./schemas).
 */

export interface FieldOption {
  value: string;
  label: string;
}

export const civilityOptions = [
  { value: "MONSIEUR", label: "Monsieur" },
  { value: "MADAME", label: "Madame" },
] as const;

export const sexOptions = [
  { value: "FEMININ", label: "Féminin" },
  { value: "MASCULIN", label: "Masculin" },
] as const;

/** An expected child's sex may be left empty: shown as this, to the parent and to staff. */
export const SEX_UNKNOWN = "Pas encore connu";

export const qualityOptions = [
  { value: "PERE", label: "Père" },
  { value: "MERE", label: "Mère" },
  { value: "TUTEUR", label: "Tuteur" },
  { value: "TUTRICE", label: "Tutrice" },
  { value: "BEAU_PERE", label: "Beau-père" },
  { value: "BELLE_MERE", label: "Belle-mère" },
  { value: "FAMILLE_ACCUEIL", label: "Famille d'accueil" },
  { value: "AUTRE", label: "Autre" },
] as const;

export const yesNoOptions = [
  { value: "OUI", label: "Oui" },
  { value: "NON", label: "Non" },
] as const;

export const regimeOptions = [
  { value: "GENERAL", label: "Régime général (CAF)" },
  { value: "MSA", label: "MSA" },
  { value: "AUTRE", label: "Autre régime" },
] as const;

export const relationshipOptions = [
  { value: "GRAND_MERE", label: "Grand-mère" },
  { value: "GRAND_PERE", label: "Grand-père" },
  { value: "TANTE", label: "Tante" },
  { value: "ONCLE", label: "Oncle" },
  { value: "FRERE_SOEUR", label: "Frère ou sœur majeur(e)" },
  { value: "VOISIN", label: "Voisin(e)" },
  { value: "AMI", label: "Ami(e) de la famille" },
  { value: "ASSISTANTE_MATERNELLE", label: "Assistante maternelle" },
  { value: "AUTRE", label: "Autre" },
] as const;

/** The label of a stored option value ("PERE" → "Père"), or undefined when the value is not one of them. */
export function optionLabel(options: readonly FieldOption[], value: unknown): string | undefined {
  return options.find((option) => option.value === value)?.label;
}

export type PersonGroup = "representative" | "child" | "contact";

/**
 * The forms' sections, titled by their sub-headings. "identity" opens a form and "family" (a contact's tie to
 * the family) closes one, both without a heading.
 */
export type FieldSection = "identity" | "address" | "contactMeans" | "allocataire" | "representatives" | "family";

export const SECTION_TITLES: Record<Exclude<FieldSection, "identity" | "family">, string> = {
  address: "Adresse",
  contactMeans: "Moyens de contact",
  allocataire: "Informations allocataire",
  representatives: "Représentants",
};

export interface PersonFieldSpec {
  label: string;
  input: "text" | "select" | "checkbox";
  options?: readonly FieldOption[];
  /** The parent's summary words it differently ("Naissance prévue le"), or leaves it out (false). */
  summaryLabel?: string | false;
  /** The staff page words it differently ("Allocataire"). */
  staffLabel?: string;
}

/**
 * In the order of the parent's summary (ÉTAPE 2), which lists every kind of person with one list.
 * Each group's form order is in PERSON_FORMS.
 */
export const PERSON_FIELDS = {
  civility: { label: "Civilité", input: "select", options: civilityOptions },
  usageName: { label: "Nom d'usage", input: "text" },
  firstName: { label: "Prénom", input: "text" },
  expectedBirth: { label: "Naissance prévue", input: "checkbox", summaryLabel: false },
  sex: { label: "Sexe", input: "select", options: sexOptions },
  birthDate: { label: "Date de naissance", input: "text" },
  expectedBirthDate: { label: "Date de naissance prévue", input: "text", summaryLabel: "Naissance prévue le" },
  streetNumber: { label: "Numéro", input: "text" },
  streetName: { label: "Nom de la voie", input: "text" },
  building: { label: "Bâtiment", input: "text" },
  apartment: { label: "Appartement", input: "text" },
  addressComplement: { label: "Complément", input: "text" },
  postalCode: { label: "Code postal", input: "text" },
  city: { label: "Ville", input: "text" },
  country: { label: "Pays", input: "text" },
  homePhone: { label: "Téléphone domicile", input: "text" },
  homePhoneUnlisted: { label: "Liste rouge", input: "checkbox" },
  mobile: { label: "Téléphone portable", input: "text" },
  refusesSms: { label: "Refuse les SMS", input: "checkbox" },
  phone: { label: "Téléphone", input: "text" },
  email: { label: "Courriel", input: "text" },
  refusesEmail: { label: "Refuse les courriels", input: "checkbox" },
  profession: { label: "Profession", input: "text" },
  employer: { label: "Employeur", input: "text" },
  workPhone: { label: "Téléphone professionnel", input: "text" },
  allocataireMember: { label: "Membre allocataire", input: "select", options: yesNoOptions, staffLabel: "Allocataire" },
  allocataireRegime: { label: "Régime allocataire", input: "select", options: regimeOptions, staffLabel: "Régime" },
  allocataireOrganisation: { label: "Organisme allocataire", input: "text" },
  allocataireNumber: { label: "Numéro d'allocataire", input: "text" },
  dependentChildren: { label: "Nombre d'enfants à charge", input: "text" },
  emergencyContact: { label: "A prévenir en cas d'urgence", input: "checkbox", staffLabel: "À prévenir en cas d'urgence" },
  relationship: { label: "Lien avec la famille", input: "select", options: relationshipOptions },
} as const satisfies Record<string, PersonFieldSpec>;

export type PersonFieldKey = keyof typeof PERSON_FIELDS;
/** The keys in the summary's order (Object.keys keeps an object's insertion order for such keys). */
export const PERSON_FIELD_KEYS = Object.keys(PERSON_FIELDS) as PersonFieldKey[];

export const ADDRESS_FIELDS = [
  "streetNumber",
  "streetName",
  "building",
  "apartment",
  "addressComplement",
  "postalCode",
  "city",
  "country",
] as const satisfies readonly PersonFieldKey[];
export type AddressFieldKey = (typeof ADDRESS_FIELDS)[number];

/** Each group's form, section by section, in its order (the staff page follows it too). A child's links are below. */
export const PERSON_FORMS = {
  representative: [
    { section: "identity", fields: ["civility", "usageName", "firstName", "birthDate"] },
    { section: "address", fields: ADDRESS_FIELDS },
    {
      section: "contactMeans",
      fields: ["homePhone", "homePhoneUnlisted", "mobile", "refusesSms", "email", "refusesEmail", "profession", "employer", "workPhone"],
    },
    {
      section: "allocataire",
      fields: ["allocataireMember", "allocataireRegime", "allocataireOrganisation", "allocataireNumber", "dependentChildren"],
    },
  ],
  child: [
    { section: "identity", fields: ["usageName", "firstName", "expectedBirth", "sex", "birthDate", "expectedBirthDate"] },
    { section: "address", fields: ADDRESS_FIELDS },
    // "representatives": the links below, one pair per representative.
  ],
  contact: [
    { section: "identity", fields: ["civility", "usageName", "firstName", "phone", "email"] },
    { section: "address", fields: ADDRESS_FIELDS },
    { section: "family", fields: ["emergencyContact", "relationship"] },
  ],
} as const satisfies Record<PersonGroup, readonly { section: FieldSection; fields: readonly PersonFieldKey[] }[]>;

/** A group's fields in the order of its form, links left out. */
export function groupFields(group: PersonGroup): PersonFieldKey[] {
  const sections: readonly { fields: readonly PersonFieldKey[] }[] = PERSON_FORMS[group];
  return sections.flatMap((section) => [...section.fields]);
}

/** Which representatives a child's "Qualité de …" / "Autorité parentale de …" fields are about. */
export type RepresentativeKey = "holder" | "co";
export const REPRESENTATIVE_KEYS: readonly RepresentativeKey[] = ["holder", "co"];
export const representativeRoleLabel: Record<RepresentativeKey, string> = { holder: "titulaire du compte", co: "co-représentant" };

/** A child's link to each representative: two fields per representative, named after them. */
export const CHILD_LINK_FIELDS = {
  quality: {
    key: (representative: RepresentativeKey) => `quality_${representative}` as const,
    label: (name: string) => `Qualité de ${name}`,
    options: qualityOptions,
  },
  authority: {
    key: (representative: RepresentativeKey) => `authority_${representative}` as const,
    label: (name: string) => `Autorité parentale de ${name}`,
    options: yesNoOptions,
  },
} as const;

export type ChildLinkKey = ReturnType<(typeof CHILD_LINK_FIELDS)[keyof typeof CHILD_LINK_FIELDS]["key"]>;

/** Every key a group's form may post, links included (for every possible representative). */
export function groupFieldKeys(group: PersonGroup): string[] {
  const keys: string[] = groupFields(group);
  if (group === "child")
    for (const representative of REPRESENTATIVE_KEYS)
      keys.push(CHILD_LINK_FIELDS.quality.key(representative), CHILD_LINK_FIELDS.authority.key(representative));
  return keys;
}

/** One field's description, read through the common shape (the literal types above vary per field). */
export function fieldSpec(key: PersonFieldKey): PersonFieldSpec {
  return PERSON_FIELDS[key];
}

/** A field's label for the parent's summary, or null when the summary leaves it out. */
export function summaryLabel(key: PersonFieldKey): string | null {
  const spec = fieldSpec(key);
  if (spec.summaryLabel === false) return null;
  return spec.summaryLabel ?? spec.label;
}

/** A field's label on the staff page. */
export function staffLabel(key: PersonFieldKey): string {
  const spec = fieldSpec(key);
  return spec.staffLabel ?? spec.label;
}
