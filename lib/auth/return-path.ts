/** Only paths on this site are followed after sign-in ("/espace"), never "//evil.example" or "https://...". */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/api/") || value.startsWith("/admin")) return fallback;
  return value.slice(0, 300);
}
