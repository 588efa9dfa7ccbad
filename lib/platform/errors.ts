import { hasForbiddenCharacters } from "@/lib/platform/validation/text";

/**
 * The errors every layer throws, and the last check on stored text. Services import them from here, never from the
 * action helpers (lib/platform/actions), which turn them into form states.
 */

/** An error whose French message the user can read and act on ("Ce titre est déjà utilisé."). */
export class ExpectedError extends Error {
  override name = "ExpectedError";
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
  }
}

/** The caller may not do this (not signed in, another family, a role too low); its message is shown as is. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
  constructor(message = "Accès refusé.") {
    super(message);
  }
}

/** Longer than any field of the back-office forms (the legal texts: 60,000 characters). */
const MAX_STORED_TEXT = 60_000;

/**
 * Second line behind the forms' schemas, for the back-office functions that store what they are given
 * (news, documents, town settings, staff accounts, families): whoever calls them, no control character,
 * bidi override or half emoji (PostgreSQL would refuse NUL with a server error) and no oversized text
 * reaches the database.
 */
export function assertStorableText(input: unknown): void {
  const check = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.length > MAX_STORED_TEXT) throw new ExpectedError("Ce texte est trop long : raccourcissez-le.");
      if (hasForbiddenCharacters(value, { multiline: true }))
        throw new ExpectedError("Ce texte contient des caractères non autorisés (caractères de contrôle ou invisibles) : retirez-les.");
    } else if (Array.isArray(value)) value.forEach(check);
    else if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array))
      Object.values(value).forEach(check);
  };
  check(input);
}
