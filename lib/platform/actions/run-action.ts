import "server-only";
import { ExpectedError, ForbiddenError } from "@/lib/platform/errors";
import type { AdminFormState } from "./admin-form-state";

/**
 * Expected errors become a message (on their field when they name one); anything else is logged and
 * shown as a generic message. Next's redirects and not-found signals pass through untouched.
 */
export async function runAdminAction(
  previous: AdminFormState,
  formData: FormData,
  work: () => Promise<AdminFormState>,
): Promise<AdminFormState> {
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
    return {
      status: "error",
      message: "Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez l'administrateur.",
      attempt,
    };
  }
}

function isNextSignal(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND")
  );
}
