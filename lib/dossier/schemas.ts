import { z } from "zod";
import { parseFrenchDate } from "@/lib/platform/validation/date";
import { requiredMessage, tooLongMessage } from "@/lib/platform/validation/messages";
import { forbiddenCharactersMessage, hasForbiddenCharacters, hasVisibleText, invisibleTextMessage } from "@/lib/platform/validation/text";

/**
 * A family the town already knows (crèche, school), created by staff so its Clé Enfance can be issued.
 * The form has fixed slots: one or two representatives, up to four children.
 */
export const REPRESENTATIVE_SLOTS = [1, 2] as const;
export const CHILD_SLOTS = [1, 2, 3, 4] as const;

const name = (label: string) =>
  z
    .string()
    .trim()
    .max(100, tooLongMessage(label, 100))
    .refine((value) => !hasForbiddenCharacters(value), forbiddenCharactersMessage(label))
    .refine((value) => value === "" || hasVisibleText(value), invisibleTextMessage(label));

export interface KnownFamilyInput {
  representatives: { civility: "MONSIEUR" | "MADAME"; usageName: string; firstName: string }[];
  children: { usageName: string; firstName: string; birthDate: Date | null }[];
}

/** Reads the flat form (rep1UsageName, child2FirstName, ...) into people; errors keyed by field name. */
export function parseKnownFamily(
  form: Record<string, unknown>,
): { ok: true; data: KnownFamilyInput } | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const text = (key: string, label: string) => {
    const parsed = name(label).safeParse(typeof form[key] === "string" ? form[key] : "");
    if (!parsed.success) fieldErrors[key] = parsed.error.issues[0]!.message;
    return parsed.success ? parsed.data : "";
  };
  const data: KnownFamilyInput = { representatives: [], children: [] };
  for (const slot of REPRESENTATIVE_SLOTS) {
    const civility = typeof form[`rep${slot}Civility`] === "string" ? String(form[`rep${slot}Civility`]) : "";
    const usageName = text(`rep${slot}UsageName`, "nom d'usage");
    const firstName = text(`rep${slot}FirstName`, "prénom");
    if (slot > 1 && !civility && !usageName && !firstName) continue;
    if (civility !== "MONSIEUR" && civility !== "MADAME") fieldErrors[`rep${slot}Civility`] = requiredMessage("civilité");
    if (!usageName) fieldErrors[`rep${slot}UsageName`] ??= requiredMessage("nom d'usage");
    if (!firstName) fieldErrors[`rep${slot}FirstName`] ??= requiredMessage("prénom");
    data.representatives.push({ civility: civility === "MADAME" ? "MADAME" : "MONSIEUR", usageName, firstName });
  }
  for (const slot of CHILD_SLOTS) {
    const usageName = text(`child${slot}UsageName`, "nom d'usage");
    const firstName = text(`child${slot}FirstName`, "prénom");
    const rawDate = typeof form[`child${slot}BirthDate`] === "string" ? String(form[`child${slot}BirthDate`]).trim().slice(0, 40) : "";
    if (!usageName && !firstName && !rawDate) continue;
    if (!usageName) fieldErrors[`child${slot}UsageName`] ??= requiredMessage("nom d'usage");
    if (!firstName) fieldErrors[`child${slot}FirstName`] ??= requiredMessage("prénom");
    const iso = rawDate ? parseFrenchDate(rawDate) : null;
    const birthDate = iso ? new Date(`${iso}T00:00:00Z`) : null;
    if (rawDate && !iso)
      fieldErrors[`child${slot}BirthDate`] = "Le champ 'date de naissance' est mal renseigné. Format attendu : jj/mm/aaaa.";
    data.children.push({ usageName, firstName, birthDate });
  }
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, data };
}

/** "F-2026-00042" */
export function formatDossierNumber(year: number, sequence: number): string {
  return `F-${year}-${String(sequence).padStart(5, "0")}`;
}
export { CHILD_KEY_ALPHABET, childKeyFromRandom, formatChildKey, normalizeChildKey } from "./child-key";
