/** Documents parents attach: what is accepted, said the same way in the form and by the server. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export const ACCEPT_ATTRIBUTE = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
export const DOCUMENT_RULE_TEXT = "PDF, JPEG ou PNG, 10 Mo au plus.";

/** Keeps the last path segment, drops control and bidi characters, and bounds the length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").replace(/^\.+/, "").trim();
  return (cleaned || "document").slice(-120);
}
