// The character rules of every text field, without zod: the browser can use them without loading zod.

/**
 * Characters no field of the portal ever needs, refused everywhere a person types:
 * - control characters (U+0000 NUL above all: PostgreSQL refuses it in text and jsonb, and the request
 *   would end in a server error instead of a message);
 * - bidi overrides and isolates, which could disguise a name or a file name in staff screens;
 * - lone surrogates (half of an emoji): PostgreSQL refuses them in jsonb, and in text columns the driver
 *   would silently store U+FFFD instead of what was typed.
 * Emoji, accents and right-to-left scripts themselves are welcome.
 */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
/** Multi-line texts (news, legal texts) keep tabs and line breaks. */
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;

export function hasForbiddenCharacters(value: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

/** The same characters removed: for what is kept as typed without being validated (a draft, a search). */
export function stripForbiddenCharacters(value: string, { multiline = false }: { multiline?: boolean } = {}): string {
  const pattern = new RegExp((multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).source, "gu");
  return value.replace(pattern, "");
}

export const forbiddenCharactersMessage = (label: string) => `Le champ '${label}' contient des caractères non autorisés.`;

/**
 * A required text must show something: at least one letter or digit. Zero-width and other invisible
 * characters alone would pass "not empty" and show as nothing (a link without text in staff screens).
 */
export const hasVisibleText = (value: string) => /[\p{L}\p{N}]/u.test(value);
export const invisibleTextMessage = (label: string) => `Le champ '${label}' doit contenir au moins une lettre ou un chiffre.`;
