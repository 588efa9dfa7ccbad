import "server-only";
import { randomBytes } from "node:crypto";
import { assessPassword, TOO_EASY_PASSWORD_MESSAGE } from "@/lib/platform/security/password-strength";

/** Staff hold children's data: a longer floor than parents (ANSSI: 12 characters at least). */
export const STAFF_PASSWORD_MIN_LENGTH = 12;
export const STAFF_PASSWORD_RULE_TEXT = `Au moins ${STAFF_PASSWORD_MIN_LENGTH} caractères, difficile à deviner (par exemple plusieurs mots séparés par des tirets).`;

/** The error message for a new staff password, or null when it is acceptable. */
export function staffPasswordProblem(password: string, context: string[]): string | null {
  if (password.length < STAFF_PASSWORD_MIN_LENGTH) return `Le mot de passe doit contenir au moins ${STAFF_PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > 128) return "Le mot de passe ne peut pas dépasser 128 caractères.";
  if (assessPassword(password, context).tooEasy) return TOO_EASY_PASSWORD_MESSAGE;
  return null;
}

/** A one-time initial password, shown once to the administrator: "Xk7p-Q2mw-R9td-Hs4v". */
export function generateInitialPassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(16);
  let out = "";
  for (let index = 0; index < 16; index += 1) {
    out += alphabet[bytes[index]! % alphabet.length];
    if (index % 4 === 3 && index < 15) out += "-";
  }
  return out;
}
