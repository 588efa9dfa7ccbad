import { z } from "zod";
import { requiredMessage } from "./messages";

/**
 * French phone numbers, checked and stored in one format (E.164: +33612345678).
 * Accepts "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678",
 * overseas numbers (0262..., 0590..., 0690...) and foreign numbers in international form.
 */
export function normalizePhone(input: string): string | null {
  const compact = input.replace(/[\s.\-()]/g, "");
  if (/^0[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (/^(\+|00)33[1-9]\d{8}$/.test(compact)) return `+33${compact.slice(-9)}`;
  if (/^(\+|00)[1-9]\d{6,14}$/.test(compact)) return `+${compact.replace(/^(\+|00)/, "")}`;
  return null;
}

/** "+33612345678" -> "06 12 34 56 78" (other countries stay international). */
export function formatPhone(e164: string): string {
  if (/^\+33\d{9}$/.test(e164)) return `0${e164.slice(3)}`.replace(/(\d{2})(?=\d)/g, "$1 ");
  return e164;
}

/** A mobile number in France: 06 or 07, and the overseas mobile ranges (0639, 069x). */
export function isFrenchMobile(e164: string): boolean {
  return /^\+33[67]\d{8}$/.test(e164);
}

/** A phone field: "" is allowed when optional; the value becomes E.164. */
export function phoneField(label: string, { required }: { required: boolean }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? "").trim();
      if (value === "") {
        if (required) ctx.addIssue({ code: "custom", message: requiredMessage(label) });
        return undefined;
      }
      const normalized = normalizePhone(value);
      if (!normalized) {
        ctx.addIssue({
          code: "custom",
          message: `Le champ '${label}' doit être un numéro de téléphone valide (exemple : 06 12 34 56 78).`,
        });
        return z.NEVER;
      }
      return normalized;
    });
}
