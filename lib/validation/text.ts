import { z } from "zod";
import { requiredMessage, tooLongMessage } from "./messages";

// Control characters (except none: single-line fields never need them) and bidi overrides that
// could disguise a name in staff screens.
const FORBIDDEN = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;

/** A single-line text field, trimmed, with the seed's messages. */
export function requiredText(label: string, max = 100) {
  return z
    .string({ error: requiredMessage(label) })
    .trim()
    .min(1, requiredMessage(label))
    .max(max, tooLongMessage(label, max))
    .refine((value) => !FORBIDDEN.test(value), `Le champ '${label}' contient des caractères non autorisés.`);
}

/** Optional single-line text: "" becomes undefined. */
export function optionalText(label: string, max = 100) {
  return z
    .string()
    .trim()
    .max(max, tooLongMessage(label, max))
    .refine((value) => !FORBIDDEN.test(value), `Le champ '${label}' contient des caractères non autorisés.`)
    .optional()
    .transform((value) => (value ? value : undefined));
}

const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}' .\u2019-]*$/u;
const nameMessage = (label: string) => `Le champ '${label}' ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.`;

/** A person's name: letters (any alphabet), spaces, hyphens, apostrophes, dots. */
export function personName(label: string, { max = 60 } = {}) {
  return requiredText(label, max).refine((value) => NAME_PATTERN.test(value), nameMessage(label));
}

export function optionalPersonName(label: string, { max = 60 } = {}) {
  return optionalText(label, max).refine((value) => value === undefined || NAME_PATTERN.test(value), nameMessage(label));
}
