import { z } from "zod";
import { invalidMessage, requiredMessage, tooLongMessage } from "@/lib/platform/validation/messages";
import { forbiddenCharactersMessage, hasForbiddenCharacters, hasVisibleText, invisibleTextMessage } from "@/lib/platform/validation/text";

const text = (label: string, max: number, { multiline = false } = {}) =>
  z
    .string({ error: requiredMessage(label) })
    .trim()
    .min(1, requiredMessage(label))
    .max(max, tooLongMessage(label, max))
    .refine((value) => !hasForbiddenCharacters(value, { multiline }), forbiddenCharactersMessage(label))
    .refine(hasVisibleText, invisibleTextMessage(label));
const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === "on");

/** "Actualités": one schema for the creation and the edit form. */
export const newsSchema = z.object({
  title: text("titre", 150),
  summary: text("résumé", 300),
  body: text("texte", 20_000, { multiline: true }),
  publish: checkbox,
});
export type NewsInput = z.infer<typeof newsSchema>;

/** "Documents à télécharger": the file itself is checked apart (PDF by its first bytes, 10 Mo at most). */
export const publicDocumentSchema = z.object({
  title: text("titre", 150),
  description: z
    .string({ error: invalidMessage("description") })
    .trim()
    .max(500, tooLongMessage("description", 500))
    .refine((value) => !hasForbiddenCharacters(value, { multiline: true }), forbiddenCharactersMessage("description"))
    .optional()
    .transform((value) => value || null),
  position: z.coerce
    .number({ message: "Le champ 'ordre' doit être un nombre entier." })
    .int("Le champ 'ordre' doit être un nombre entier.")
    .min(0, "Le champ 'ordre' doit être compris entre 0 et 999.")
    .max(999, "Le champ 'ordre' doit être compris entre 0 et 999."),
  publish: checkbox,
});
export type PublicDocumentInput = z.infer<typeof publicDocumentSchema>;

export const PUBLIC_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** "Inscriptions ALSH : vacances d'hiver !" -> "inscriptions-alsh-vacances-d-hiver" */
export function slugify(title: string): string {
  return (
    title
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/g, "") || "actualite"
  );
}
