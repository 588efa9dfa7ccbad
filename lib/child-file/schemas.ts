import { z } from "zod";
import type { DefaultValues } from "react-hook-form";
import type { AuthorisationConfig } from "@/lib/platform/town/types";
import { frenchDate, formatIsoAsFrench } from "@/lib/platform/validation/date";
import { requiredMessage } from "@/lib/platform/validation/messages";
import { phoneField } from "@/lib/platform/validation/phone";
import { optionalText, requiredText } from "@/lib/platform/validation/text";

/**
 * The child's file as stored (health sealed, the rest in clear) and the one form that edits it: the same
 * schema validates in the browser (react-hook-form) and again in the server action. The town's lists
 * (diets, authorisations) are passed in, so the client gets them as props and the server from lib/town.
 */

export interface Allergy {
  name: string;
  reaction: string | null;
  action: string | null;
}

export interface ChildHealth {
  allergies: Allergy[];
  pai: boolean;
  /** ISO day. */
  paiEndDate: string | null;
  paiDocumentId: string | null;
  treatment: string | null;
  diet: string | null;
  /** ISO days of the DTP injections. */
  dtpDates: string[];
  vaccinationDocumentId: string | null;
  doctorName: string | null;
  /** E.164. */
  doctorPhone: string | null;
}

export interface AuthorisationAnswer {
  granted: boolean;
  fromAge: number | null;
  activities: string | null;
}

export interface PickupPerson {
  name: string;
  /** E.164. */
  phone: string;
  relationship: string;
  /** The family's contact it was chosen from, if any. */
  memberId: string | null;
}

export interface ChildFileContent {
  health: ChildHealth;
  authorisations: Record<string, AuthorisationAnswer>;
  pickup: PickupPerson[];
}

export const MAX_ALLERGIES = 15;
export const MAX_DTP_DATES = 8;
export const MAX_PICKUP = 8;

const uuidOrEmpty = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const text = (value ?? "").trim();
    if (!text) return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
      ctx.addIssue({ code: "custom", message: "Choisissez un document de votre espace de stockage." });
      return z.NEVER;
    }
    return text;
  });

const yesNo = (label: string) =>
  z.enum(["oui", "non"], { error: `Répondez par oui ou par non à la question '${label}'.` }).transform((value) => value === "oui");

const nullable = <T>(value: T | undefined) => (value === undefined ? null : value);

export interface ChildFileSchemaOptions {
  diets: string[];
  authorisations: Pick<AuthorisationConfig, "code" | "title" | "withAge" | "withActivities">[];
}

/** The form's values as typed (strings), and what the schema turns them into. */
export function childFileSchema(options: ChildFileSchemaOptions) {
  const authorisationShape = Object.fromEntries(
    options.authorisations.map((item) => [
      item.code,
      z
        .object({
          granted: yesNo(item.title),
          fromAge: item.withAge
            ? z
                .string()
                .optional()
                .transform((value, ctx) => {
                  const text = (value ?? "").trim();
                  if (!text) return null;
                  const age = Number(text);
                  if (!/^\d{1,2}$/.test(text) || age < 3 || age > 17) {
                    ctx.addIssue({ code: "custom", message: "Le champ 'à partir de quel âge' doit être un âge entre 3 et 17 ans." });
                    return z.NEVER;
                  }
                  return age;
                })
            : z
                .unknown()
                .optional()
                .transform(() => null),
          activities: item.withActivities
            ? optionalText("pour quelles activités", 200).transform(nullable)
            : z
                .unknown()
                .optional()
                .transform(() => null),
        })
        .transform((answer) => ({
          granted: answer.granted,
          fromAge: answer.granted ? answer.fromAge : null,
          activities: answer.granted ? answer.activities : null,
        })),
    ]),
  );
  return z
    .object({
      version: z.coerce.number({ error: "La fiche a changé : rechargez la page." }).int().min(0),
      allergies: z
        .array(
          z.object({
            name: requiredText("allergie", 100),
            reaction: optionalText("réaction", 300).transform(nullable),
            action: optionalText("conduite à tenir", 500).transform(nullable),
          }),
        )
        .max(MAX_ALLERGIES, `Indiquez au plus ${MAX_ALLERGIES} allergies.`)
        .default([]),
      pai: yesNo("PAI"),
      paiEndDate: frenchDate("date de fin du PAI", { required: false }).transform(nullable),
      paiDocumentId: uuidOrEmpty,
      treatment: optionalText("traitement régulier", 500).transform(nullable),
      diet: z
        .string()
        .optional()
        .transform((value, ctx) => {
          const code = (value ?? "").trim();
          if (!code) return null;
          if (!options.diets.includes(code)) {
            ctx.addIssue({ code: "custom", message: "Choisissez un régime dans la liste." });
            return z.NEVER;
          }
          return code;
        }),
      dtpDates: z
        .array(z.object({ date: frenchDate("date de vaccination DTP", { required: true }) }))
        .max(MAX_DTP_DATES, `Indiquez au plus ${MAX_DTP_DATES} dates.`)
        .default([]),
      vaccinationDocumentId: uuidOrEmpty,
      doctorName: optionalText("médecin traitant", 100).transform(nullable),
      doctorPhone: phoneField("téléphone du médecin", { required: false }).transform(nullable),
      authorisations: z.object(authorisationShape),
      pickup: z
        .array(
          z.object({
            name: requiredText("nom et prénom", 100),
            phone: phoneField("téléphone", { required: true }).transform((value) => value ?? ""),
            relationship: requiredText("lien avec l'enfant", 60),
            memberId: uuidOrEmpty,
          }),
        )
        .max(MAX_PICKUP, `Indiquez au plus ${MAX_PICKUP} personnes.`)
        .default([]),
    })
    .superRefine((value, ctx) => {
      if (value.pai && !value.paiEndDate)
        ctx.addIssue({ code: "custom", path: ["paiEndDate"], message: requiredMessage("date de fin du PAI") });
      const today = new Date().toISOString().slice(0, 10);
      value.dtpDates.forEach((entry, index) => {
        if (entry.date && entry.date > today)
          ctx.addIssue({
            code: "custom",
            path: ["dtpDates", index, "date"],
            message: "Une date de vaccination ne peut pas être dans le futur.",
          });
      });
    })
    .transform((value): ChildFileContent & { version: number } => ({
      version: value.version,
      health: {
        allergies: value.allergies,
        pai: value.pai,
        paiEndDate: value.pai ? value.paiEndDate : null,
        paiDocumentId: value.pai ? value.paiDocumentId : null,
        treatment: value.treatment,
        diet: value.diet,
        dtpDates: value.dtpDates
          .map((entry) => entry.date)
          .filter((date): date is string => Boolean(date))
          .sort(),
        vaccinationDocumentId: value.vaccinationDocumentId,
        doctorName: value.doctorName,
        doctorPhone: value.doctorPhone,
      },
      authorisations: value.authorisations as Record<string, AuthorisationAnswer>,
      pickup: value.pickup.map((person) => ({ ...person, memberId: person.memberId })),
    }));
}

export type ChildFileFormValues = z.input<ReturnType<typeof childFileSchema>>;

/** The form's starting values from a stored file (or an empty one); partial: a question not answered yet stays empty. */
export function formValuesOf(
  content: ChildFileContent | null,
  version: number,
  authorisations: { code: string }[],
): DefaultValues<ChildFileFormValues> {
  const health = content?.health;
  return {
    version: String(version),
    allergies: (health?.allergies ?? []).map((allergy) => ({
      name: allergy.name,
      reaction: allergy.reaction ?? "",
      action: allergy.action ?? "",
    })),
    pai: health ? (health.pai ? "oui" : "non") : undefined,
    paiEndDate: health?.paiEndDate ? formatIsoAsFrench(health.paiEndDate) : "",
    paiDocumentId: health?.paiDocumentId ?? "",
    treatment: health?.treatment ?? "",
    diet: health?.diet ?? "",
    dtpDates: (health?.dtpDates ?? []).map((date) => ({ date: formatIsoAsFrench(date) })),
    vaccinationDocumentId: health?.vaccinationDocumentId ?? "",
    doctorName: health?.doctorName ?? "",
    doctorPhone: health?.doctorPhone ?? "",
    authorisations: Object.fromEntries(
      authorisations.map((item) => {
        const answer = content?.authorisations[item.code];
        return [
          item.code,
          {
            granted: answer ? (answer.granted ? "oui" : "non") : undefined,
            fromAge: answer?.fromAge ? String(answer.fromAge) : "",
            activities: answer?.activities ?? "",
          },
        ];
      }),
    ),
    pickup: (content?.pickup ?? []).map((person) => ({
      name: person.name,
      phone: person.phone,
      relationship: person.relationship,
      memberId: person.memberId ?? "",
    })),
  };
}

/**
 * FormData to the nested object the schema reads: "allergies.0.name" -> { allergies: [{ name }] }.
 * Only plain indices and names; anything else posted by hand is ignored.
 */
export function nestFormData(formData: FormData): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, raw] of formData.entries()) {
    if (typeof raw !== "string" || key.startsWith("$") || key.length > 120) continue;
    const parts = key.split(".");
    // Indices stay below 100 (no sparse array of a billion holes from a hand-made post).
    if (parts.some((part) => !/^[a-zA-Z0-9-]{1,40}$/.test(part) || /^\d{3,}$/.test(part) || part === "constructor" || part === "prototype"))
      continue;
    let node: Record<string, unknown> = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(parts[index + 1]!);
      if (last) {
        node[part] = raw;
        return;
      }
      if (typeof node[part] !== "object" || node[part] === null) node[part] = nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    });
  }
  // Arrays posted with holes ("allergies.3" without 0-2) are compacted: the parent removed rows.
  const compact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null).map(compact);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
    return value;
  };
  return compact(root) as Record<string, unknown>;
}
