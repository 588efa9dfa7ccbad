import "server-only";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";
import type { AdminFormState } from "./admin-form-state";

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
      if (hasForbiddenCharacters(value, { multiline: true })) throw new ExpectedError("Ce texte contient des caractères non autorisés (caractères de contrôle ou invisibles) : retirez-les.");
    } else if (Array.isArray(value)) value.forEach(check);
    else if (value && typeof value === "object" && !(value instanceof Date) && !(value instanceof Uint8Array)) Object.values(value).forEach(check);
  };
  check(input);
}

/**
 * Expected errors become a message (on their field when they name one); anything else is logged and
 * shown as a generic message. Next's redirects and not-found signals pass through untouched.
 */
export async function runAdminAction(previous: AdminFormState, formData: FormData, work: () => Promise<AdminFormState>): Promise<AdminFormState> {
  try {
    return await work();
  } catch (error) {
    const attempt = (previous.attempt ?? 0) + 1;
    if (error instanceof ExpectedError) {
      const values: Record<string, string> = {};
      for (const [name, value] of formData.entries()) if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
      return error.field
        ? { status: "error", fieldErrors: { [error.field]: error.message }, values, attempt }
        : { status: "error", message: error.message, values, attempt };
    }
    if (error instanceof ForbiddenError) return { status: "error", message: error.message, attempt };
    if (isNextSignal(error)) throw error;
    console.error(error);
    return { status: "error", message: "Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez l'administrateur.", attempt };
  }
}

function isNextSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
