import { z } from "zod";

/** The word a parent without a password types to confirm the closure of their account. */
export const CLOSURE_WORD = "FERMER";

export const CLOSURE_MESSAGES = {
  wordMissing: "Le champ 'confirmation' est obligatoire : saisissez le mot FERMER.",
  wordWrong: "Saisissez exactement le mot FERMER pour confirmer la fermeture de votre compte.",
  passwordMissing: "Le champ 'mot de passe' est obligatoire.",
  passwordWrong: "Mot de passe incorrect : votre compte n'a pas été fermé.",
  throttled: "Trop d'essais. Pour votre sécurité, réessayez dans 15 minutes.",
} as const;

/** One schema per way of confirming, shared by the form and the server action. */
export function closureSchema(method: "password" | "word") {
  if (method === "password") {
    return z.object({ confirmation: z.string().min(1, CLOSURE_MESSAGES.passwordMissing).max(128, CLOSURE_MESSAGES.passwordWrong) });
  }
  return z.object({
    confirmation: z
      .string()
      .trim()
      .min(1, CLOSURE_MESSAGES.wordMissing)
      .refine((value) => value.toUpperCase() === CLOSURE_WORD, CLOSURE_MESSAGES.wordWrong),
  });
}
