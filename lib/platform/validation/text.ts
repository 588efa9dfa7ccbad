import { z } from "zod";
import { forbiddenCharactersMessage, hasForbiddenCharacters, hasVisibleText, invisibleTextMessage } from "./characters";
import { invalidMessage, requiredMessage, tooLongMessage } from "./messages";

export {
  forbiddenCharactersMessage,
  hasForbiddenCharacters,
  hasVisibleText,
  invisibleTextMessage,
  stripForbiddenCharacters,
} from "./characters";

/** A string schema that refuses the forbidden characters (./characters.ts), with the field's French message. */
export function safeString(label: string, { multiline = false }: { multiline?: boolean } = {}) {
  return z
    .string({ error: requiredMessage(label) })
    .refine((value) => !hasForbiddenCharacters(value, { multiline }), forbiddenCharactersMessage(label));
}

/** A single-line text field, trimmed, with the Carbon-Blanc guide's messages ("Le champ 'x' est obligatoire."). */
export function requiredText(label: string, max = 100) {
  return z
    .string({ error: requiredMessage(label) })
    .trim()
    .min(1, requiredMessage(label))
    .max(max, tooLongMessage(label, max))
    .refine((value) => !hasForbiddenCharacters(value), forbiddenCharactersMessage(label))
    .refine(hasVisibleText, invisibleTextMessage(label));
}

/** Optional single-line text: "" becomes undefined. */
export function optionalText(label: string, max = 100) {
  return z
    .string({ error: invalidMessage(label) })
    .trim()
    .max(max, tooLongMessage(label, max))
    .refine((value) => !hasForbiddenCharacters(value), forbiddenCharactersMessage(label))
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
