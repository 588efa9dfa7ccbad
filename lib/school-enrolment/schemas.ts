import { z } from "zod";
import { LEVELS } from "./levels";

export const DEROGATION_REASONS = {
  FRATRIE: "Un frère ou une sœur est déjà scolarisé dans cette école",
  ASSISTANTE_MATERNELLE: "Adresse de l'assistante maternelle ou de la garde",
  TRAVAIL: "Lieu de travail d'un parent",
  MEDICAL: "Raison médicale",
} as const;
export type DerogationReason = keyof typeof DEROGATION_REASONS;

/** The documents a school enrolment needs, by the child-file's document kind codes. */
export const REQUIRED_DOCUMENTS = {
  "livret-famille": "Livret de famille (ou acte de naissance)",
  "justificatif-domicile": "Justificatif de domicile de moins de 3 mois",
  vaccinations: "Carnet de vaccinations (pages des vaccins obligatoires)",
} as const;
export type RequiredDocument = keyof typeof REQUIRED_DOCUMENTS;

const text = (max: number) => z.string().trim().max(max, `Ce texte dépasse ${max} caractères : raccourcissez-le.`);

/** The parent's request form (text fields; the files are checked by lib/documents). */
export const schoolRequestSchema = z
  .object({
    childId: z.string().uuid("Le champ 'enfant' est obligatoire."),
    level: z.enum(LEVELS, { error: "Le champ 'niveau' est obligatoire." }),
    levelReason: text(500).optional().default(""),
    derogation: z.enum(["oui", "non"]).optional().default("non"),
    derogationSchoolId: z.string().optional().default(""),
    derogationReason: z.string().optional().default(""),
    derogationDetails: text(1000).optional().default(""),
  })
  .superRefine((value, context) => {
    if (value.derogation === "oui") {
      if (!z.string().uuid().safeParse(value.derogationSchoolId).success)
        context.addIssue({ code: "custom", path: ["derogationSchoolId"], message: "Le champ 'école demandée' est obligatoire." });
      if (!(value.derogationReason in DEROGATION_REASONS))
        context.addIssue({ code: "custom", path: ["derogationReason"], message: "Le champ 'motif de la dérogation' est obligatoire." });
    }
  });
export type SchoolRequestInput = z.infer<typeof schoolRequestSchema>;

export const decisionSchema = z.object({
  id: z.string().uuid(),
  version: z.coerce.number().int().min(0),
  reason: text(1000).optional().default(""),
});
