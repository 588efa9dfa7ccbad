import type { DocumentKindConfig, DocumentValidity } from "@/lib/platform/town/types";

/**
 * Pure rules of the child's file: school years, documents' validity, and how two versions of a file differ.
 * No database here, so they are unit-tested and shared by pages, services and the reminder job.
 */

/** The calendar day of an instant in Paris, as "yyyy-mm-dd" (one definition, in the platform's formats). */
export { parisDay } from "@/lib/platform/format";

/** "2026-2027" for any day from 1 September 2026 to 31 August 2027. */
export function schoolYearOfDay(isoDay: string): string {
  const [year, month] = isoDay.split("-").map(Number) as [number, number];
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/**
 * The school year the parents must have confirmed the file for at a day: from the town's opening month
 * (July, say) the coming year is asked, so families update their file over the summer, before the rentrée.
 */
export function confirmationYear(isoDay: string, opensMonth: number): string {
  const [year, month] = isoDay.split("-").map(Number) as [number, number];
  const start = month >= Math.min(opensMonth, 9) ? year : year - 1;
  return `${start}-${start + 1}`;
}

export function previousSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}

function addMonthsIso(isoDay: string, months: number): string {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  // Valid "less than N months": the day before the same date N months later.
  target.setUTCDate(target.getUTCDate() - 1);
  return target.toISOString().slice(0, 10);
}

/**
 * The last valid day of a document of a kind, from the date written on it (and, for a PAI, the end date the
 * parent typed). Null: the document does not expire.
 */
export function validUntilFor(validity: DocumentValidity, documentDate: string, endDate?: string | null): string | null {
  switch (validity.rule) {
    case "months":
      return addMonthsIso(documentDate, validity.months);
    case "school-year":
      return `${schoolYearOfDay(documentDate).slice(5)}-08-31`;
    case "calendar-year":
      return `${documentDate.slice(0, 4)}-12-31`;
    case "end-date":
      return endDate ?? null;
    case "none":
      return null;
  }
}

/** In French, what the rule means, for the upload form: « valable 3 mois à partir de sa date ». */
export function validityText(validity: DocumentValidity): string {
  switch (validity.rule) {
    case "months":
      return `valable ${validity.months} mois à partir de sa date`;
    case "school-year":
      return "valable jusqu'à la fin de l'année scolaire (31 août)";
    case "calendar-year":
      return "valable jusqu'au 31 décembre de son année";
    case "end-date":
      return "valable jusqu'à la date de fin indiquée";
    case "none":
      return "sans date de fin de validité";
  }
}

/** Documents stored before kinds were configured carry only the enum: the code they stand for. */
export const LEGACY_KIND_CODES: Record<string, string> = {
  LIVRET_FAMILLE: "livret-famille",
  JUSTIFICATIF_DOMICILE: "justificatif-domicile",
  JUGEMENT: "jugement",
  AUTRE: "autre",
};

/** The enum value a configured kind is stored under (the enum stays for the declaration's attachments). */
export function legacyKindOf(code: string): "LIVRET_FAMILLE" | "JUSTIFICATIF_DOMICILE" | "JUGEMENT" | "AUTRE" {
  const entry = Object.entries(LEGACY_KIND_CODES).find(([, value]) => value === code);
  return (entry?.[0] as "LIVRET_FAMILLE" | "JUSTIFICATIF_DOMICILE" | "JUGEMENT" | undefined) ?? "AUTRE";
}

/** "2026-08-31" -> "31/08/2026" */
export const frenchDay = (isoDay: string) => isoDay.split("-").reverse().join("/");

export function kindLabel(kinds: DocumentKindConfig[], code: string): string {
  return kinds.find((kind) => kind.code === code)?.label ?? code;
}
