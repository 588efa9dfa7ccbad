const dateFormatter = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const shortDateFormatter = new Intl.DateTimeFormat("fr-FR", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Europe/Paris",
});
const parisDayFormatter = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris" });
// Built once, like the date formats: toLocaleString with options builds a new formatter at each call.
const megabytesFormatter = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** "28 novembre 2026" */
export function formatLongDate(date: Date): string {
  return dateFormatter.format(date);
}

/** "28/11/2026" */
export function formatShortDate(date: Date): string {
  return shortDateFormatter.format(date);
}

/** "1,2 Mo", "350 ko" */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} ko`;
  return `${megabytesFormatter.format(bytes / (1024 * 1024))} Mo`;
}

/** "PDF", "JPEG", "PNG" from a media type. */
export function formatMediaType(mediaType: string): string {
  const known: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" };
  return known[mediaType] ?? mediaType;
}

/** "2026-12-03": the calendar day of an instant in Paris, where the town's dates are meant. */
export function parisDay(at: Date): string {
  return parisDayFormatter.format(at);
}
