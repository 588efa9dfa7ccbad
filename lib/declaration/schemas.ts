/**
 * The "ENFANCE – Famille" démarche: one zod schema per person form (REPRÉSENTANT, MEMBRE, CONTACT),
 * shared by the client forms and the server actions, with the Carbon-Blanc guide's labels and messages.
 */
import { z } from "zod";
import { addDaysIso, ageOn, frenchDate, todayIso } from "@/lib/platform/validation/date";
import { emailField, optionalEmailField } from "@/lib/platform/validation/email";
import { requiredMessage } from "@/lib/platform/validation/messages";
import { evenWithOtherErrors, isIsoDate } from "@/lib/platform/validation/refine";
import { phoneField } from "@/lib/platform/validation/phone";
import { optionalText, personName, requiredText } from "@/lib/platform/validation/text";
import {
  qualityOptions,
  regimeOptions,
  relationshipOptions,
  yesNoOptions,
  type RepresentativeKey,
  representativeRoleLabel,
} from "./person-fields";

// The person fields' labels and options live in ./person-fields; re-exported here, the feature's browser-safe entry.
export * from "./person-fields";

const values = <T extends readonly { value: string }[]>(options: T) =>
  options.map((option) => option.value) as [T[number]["value"], ...T[number]["value"][]];

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("")])
  .optional()
  .transform((value) => value === true || value === "on");

/** ADRESSE, as the Carbon-Blanc guide lays it out: the required fields differ for a representative and for others. */
function addressFields(required: boolean) {
  const text = (label: string, max = 100) => (required ? requiredText(label, max) : optionalText(label, max));
  return {
    streetNumber: optionalText("numéro", 10),
    streetName: text("nom de la voie", 150),
    building: optionalText("bâtiment", 50),
    apartment: optionalText("appartement", 50),
    addressComplement: optionalText("complément", 100),
    postalCode: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .refine((value) => (required ? value !== "" : true), requiredMessage("code postal"))
      .refine((value) => value === "" || /^\d{5}$/.test(value) || !required, "Le champ 'code postal' doit contenir 5 chiffres.")
      .transform((value) => value || undefined),
    city: text("ville", 100),
    country: text("pays", 60),
  };
}

export const MIN_REPRESENTATIVE_AGE = 16;

export const representativeSchema = z
  .object({
    civility: z.enum(["MONSIEUR", "MADAME"], { error: requiredMessage("civilité") }),
    usageName: personName("nom d'usage"),
    firstName: personName("prénom"),
    birthDate: frenchDate("date de naissance", { required: true }),
    ...addressFields(true),
    homePhone: phoneField("téléphone domicile", { required: false }),
    homePhoneUnlisted: checkbox,
    mobile: phoneField("téléphone portable", { required: true }),
    refusesSms: checkbox,
    email: emailField("courriel"),
    refusesEmail: checkbox,
    profession: requiredText("profession", 100),
    employer: requiredText("employeur", 100),
    workPhone: phoneField("téléphone professionnel", { required: false }),
    allocataireMember: z
      .enum(["", ...values(yesNoOptions)])
      .optional()
      .transform((value) => value || undefined),
    allocataireRegime: z
      .enum(["", ...values(regimeOptions)])
      .optional()
      .transform((value) => value || undefined),
    allocataireOrganisation: optionalText("organisme allocataire", 100),
    allocataireNumber: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .refine(
        (value) => value === "" || /^[0-9A-Za-z]{4,15}$/.test(value),
        "Le champ 'numéro d'allocataire' doit contenir de 4 à 15 chiffres ou lettres.",
      )
      .transform((value) => value || undefined)
      .optional(),
    dependentChildren: z
      .string()
      .optional()
      .transform((value) => (value ?? "").trim())
      .refine(
        (value) => value === "" || (/^\d{1,2}$/.test(value) && Number(value) <= 20),
        "Le champ 'nombre d'enfants à charge' doit être un nombre entre 0 et 20.",
      )
      .transform((value) => (value === "" ? undefined : Number(value)))
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (isIsoDate(value.birthDate) && ageOn(value.birthDate) < MIN_REPRESENTATIVE_AGE) {
      ctx.addIssue({
        code: "custom",
        path: ["birthDate"],
        message: `Un représentant doit avoir au moins ${MIN_REPRESENTATIVE_AGE} ans : vérifiez la date de naissance.`,
      });
    }
    if (value.allocataireMember === "OUI" && !value.allocataireNumber) {
      ctx.addIssue({
        code: "custom",
        path: ["allocataireNumber"],
        message: "Renseignez le numéro d'allocataire, ou indiquez que vous n'êtes pas allocataire.",
      });
    }
  }, evenWithOtherErrors);

export function childSchema(representatives: RepresentativeKey[]) {
  const links: Record<string, z.ZodType<string, string>> = {};
  for (const key of representatives) {
    links[`quality_${key}`] = z.enum(values(qualityOptions), { error: requiredMessage(`qualité du ${representativeRoleLabel[key]}`) });
    links[`authority_${key}`] = z.enum(values(yesNoOptions), {
      error: requiredMessage(`autorité parentale du ${representativeRoleLabel[key]}`),
    });
  }
  return z
    .object({
      usageName: personName("nom d'usage"),
      firstName: personName("prénom"),
      // Required for a born child only (checked below): an expected child's sex may not be known yet.
      sex: z
        .enum(["", "FEMININ", "MASCULIN"], { error: requiredMessage("sexe") })
        .optional()
        .transform((value) => value || undefined),
      expectedBirth: checkbox,
      birthDate: frenchDate("date de naissance", { required: false }),
      expectedBirthDate: frenchDate("date de naissance prévue", { required: false }),
      ...addressFields(false),
      ...links,
    })
    .superRefine((value, ctx) => {
      const today = todayIso();
      if (!value.expectedBirth && value.sex === undefined)
        ctx.addIssue({ code: "custom", path: ["sex"], message: requiredMessage("sexe") });
      if (value.expectedBirth) {
        if (value.expectedBirthDate === undefined)
          ctx.addIssue({ code: "custom", path: ["expectedBirthDate"], message: requiredMessage("date de naissance prévue") });
        else if (!isIsoDate(value.expectedBirthDate)) return;
        else if (value.expectedBirthDate < today) {
          ctx.addIssue({
            code: "custom",
            path: ["expectedBirthDate"],
            message: "La date de naissance prévue doit être à venir : si l'enfant est né, décochez « Naissance prévue ».",
          });
        } else if (value.expectedBirthDate > addDaysIso(today, 300)) {
          ctx.addIssue({
            code: "custom",
            path: ["expectedBirthDate"],
            message: "La date de naissance prévue doit être dans les 10 prochains mois.",
          });
        }
        return;
      }
      if (value.birthDate === undefined)
        ctx.addIssue({ code: "custom", path: ["birthDate"], message: requiredMessage("date de naissance") });
      else if (isIsoDate(value.birthDate) && value.birthDate > today) {
        ctx.addIssue({
          code: "custom",
          path: ["birthDate"],
          message: "La date de naissance ne peut pas être dans le futur : pour un enfant à naître, cochez « Naissance prévue ».",
        });
      }
    }, evenWithOtherErrors);
}

/** Not an error: the portal serves ages 3 to 17, but a family may still declare an older child. */
export function childAgeWarning(birthDate: string | undefined, ages: { min: number; max: number }): string | null {
  if (!birthDate) return null;
  const age = ageOn(birthDate);
  if (age > ages.max) return `Cet enfant a ${age} ans : l'Espace Famille sert les enfants de ${ages.min} à ${ages.max} ans.`;
  return null;
}

export const contactSchema = z.object({
  civility: z.enum(["MONSIEUR", "MADAME"], { error: requiredMessage("civilité") }),
  usageName: personName("nom d'usage"),
  firstName: personName("prénom"),
  phone: phoneField("téléphone", { required: true }),
  email: optionalEmailField("courriel"),
  ...addressFields(false),
  emergencyContact: checkbox,
  relationship: z.enum(values(relationshipOptions), { error: requiredMessage("lien avec la famille") }),
});

export type RepresentativeValues = z.output<typeof representativeSchema>;
export type ContactValues = z.output<typeof contactSchema>;

/** What the forms post, kept as typed in the draft (so it is shown again exactly as it was). */
export type RawPerson = Record<string, string | boolean>;

/**
 * What a person form's inputs hold: the parent's raw text and ticks, before the schema reads them. Each
 * person schema is one of these, so the forms use it with field names as plain strings (a child's link
 * fields are named after the representatives).
 */
export type PersonFormValues = Partial<RawPerson>;
export type PersonFormSchema = z.ZodType<unknown, PersonFormValues>;

export const DOCUMENT_KINDS = [
  { kind: "LIVRET_FAMILLE", label: "1. Livret de famille complet parents-enfants (à défaut acte de naissance de l'enfant)" },
  {
    kind: "JUSTIFICATIF_DOMICILE",
    label: "2. Justificatif de domicile de moins de 3 mois (loyer ; eau ; gaz ; électricité ; assurance habitation)",
  },
  {
    kind: "JUGEMENT",
    label:
      "3. Pour les parents séparés ou divorcés, dernier jugement de divorce ou ordonnance provisoire du juge des affaires familiales mentionnant la résidence de l'enfant",
  },
] as const;

export type DeclarationDocumentKind = (typeof DOCUMENT_KINDS)[number]["kind"];
