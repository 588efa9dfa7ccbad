import type { TownConfig } from "@/lib/platform/town/types";

export type PasswordRule = TownConfig["passwordRule"];

/** The rule as the Carbon-Blanc guide words it: "Le mot de passe doit contenir au minimum 8 caractère(s) dont au moins : 1 minuscule(s), 1 chiffre(s)" */
export function passwordRuleText(rule: PasswordRule): string {
  const parts = [
    rule.minLowercase > 0 ? `${rule.minLowercase} minuscule(s)` : null,
    rule.minUppercase > 0 ? `${rule.minUppercase} majuscule(s)` : null,
    rule.minDigits > 0 ? `${rule.minDigits} chiffre(s)` : null,
    rule.minSpecial > 0 ? `${rule.minSpecial} caractère(s) spécial(aux)` : null,
  ].filter(Boolean);
  return `Le mot de passe doit contenir au minimum ${rule.minLength} caractère(s)${parts.length ? ` dont au moins : ${parts.join(", ")}` : ""}`;
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

/** True when the password follows the town's rule. */
export function followsPasswordRule(password: string, rule: PasswordRule): boolean {
  return (
    [...password].length >= rule.minLength &&
    count(password, /\p{Ll}/gu) >= rule.minLowercase &&
    count(password, /\p{Lu}/gu) >= rule.minUppercase &&
    count(password, /\p{Nd}/gu) >= rule.minDigits &&
    count(password, /[^\p{L}\p{Nd}]/gu) >= rule.minSpecial
  );
}

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

/**
 * A light estimate for the live meter (no dictionary shipped to the phone): length and variety,
 * minus repeated or sequential characters. The server refuses very common passwords separately.
 */
export function estimateStrength(password: string): StrengthLevel {
  if (!password) return 0;
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((pattern) => pattern.test(password)).length;
  let score = Math.min([...password].length, 20) * 0.25 + classes * 0.75;
  if (/(.)\1{2,}/u.test(password)) score -= 1;
  if (/(0123|1234|2345|3456|4567|5678|6789|abcd|azer|qwer)/i.test(password)) score -= 1;
  if (score < 3) return 1;
  if (score < 4.5) return 2;
  if (score < 6) return 3;
  return 4;
}

export const strengthLabels: Record<StrengthLevel, string> = {
  0: "",
  1: "Très faible",
  2: "Faible",
  3: "Moyen",
  4: "Fort",
};
