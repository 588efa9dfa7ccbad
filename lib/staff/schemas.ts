import { z } from "zod";
import { requiredMessage, tooLongMessage } from "@/lib/platform/validation/messages";
import { forbiddenCharactersMessage, hasForbiddenCharacters, hasVisibleText, invisibleTextMessage } from "@/lib/platform/validation/text";

export const STAFF_LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export const staffRoleSchema = z.enum(["AGENT", "ADMINISTRATOR"], { message: "Le champ 'rôle' est obligatoire." });

/** An administrator creating a staff account. The password is never typed: a one-time one is generated. */
export const newStaffSchema = z.object({
  login: z
    .string({ error: requiredMessage("identifiant") })
    .trim()
    .toLowerCase()
    .min(1, requiredMessage("identifiant"))
    .regex(
      STAFF_LOGIN_PATTERN,
      "L'identifiant compte 3 à 50 caractères : lettres minuscules sans accent, chiffres, point, tiret (exemple : prenom.nom).",
    ),
  displayName: z
    .string({ error: requiredMessage("nom affiché") })
    .trim()
    .min(1, requiredMessage("nom affiché"))
    .max(100, tooLongMessage("nom affiché", 100))
    .refine((value) => !hasForbiddenCharacters(value), forbiddenCharactersMessage("nom affiché"))
    .refine(hasVisibleText, invisibleTextMessage("nom affiché")),
  email: z
    .email({ message: "Le champ 'courriel' doit être une adresse électronique valide (exemple : nom@domaine.fr)." })
    .max(200, tooLongMessage("courriel", 200))
    .toLowerCase(),
  role: staffRoleSchema,
});
export type NewStaffInput = z.infer<typeof newStaffSchema>;
