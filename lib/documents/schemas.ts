import { stripForbiddenCharacters } from "@/lib/platform/validation/characters";

/** Documents parents attach: what is accepted, said the same way in the form and by the server. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const ACCEPT_ATTRIBUTE = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
export const DOCUMENT_RULE_TEXT = "PDF, JPEG ou PNG, 10 Mo au plus.";

/**
 * Keeps the last path segment ("../../etc/passwd.pdf" and "C:\\x\\y.pdf" keep only their file name), drops
 * control and bidi characters and halves of emoji, and bounds the length. The name is only ever shown:
 * files are stored under random keys.
 */
export function cleanFileName(name: string): string {
  const base = String(name).split(/[\\/]/).pop() ?? "";
  // U+FFFD is what a broken encoding (or half an emoji) leaves behind: nothing worth showing in a name.
  const cleaned = stripForbiddenCharacters(base)
    .replace(/\ufffd/g, "")
    .replace(/^[.\s]+/, "")
    .trim();
  // Cut on code points, not UTF-16 units: a cut must not split an emoji into a lone surrogate.
  return [...(cleaned || "document")].slice(-120).join("");
}
