import { z } from "zod";
import { invalidMessage, requiredMessage } from "./messages";
import { parisDay } from "@/lib/platform/format";

/**
 * Dates are typed "jj/mm/aaaa" (the format the Carbon-Blanc guide asks for). Returns an ISO "yyyy-mm-dd" string,
 * or null when the text is not a real calendar date (31/02/2020 is refused).
 */
export function parseFrenchDate(text: string): string | null {
  const match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** "1979-04-29" -> "29/04/1979" */
export function formatIsoAsFrench(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** Whole years between an ISO birth date and a day (default today, Paris time). */
export function ageOn(isoBirthDate: string, isoDay: string = todayIso()): number {
  const [by, bm, bd] = isoBirthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = isoDay.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function todayIso(): string {
  return parisDay(new Date());
}

/** A "jj/mm/aaaa" field that yields an ISO date string. */
export function frenchDate(label: string, { required }: { required: boolean }) {
  // undefined counts as empty: a field hidden by the form (e.g. "Naissance prévue") posts nothing.
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? "").trim();
      if (value === "") {
        if (required) ctx.addIssue({ code: "custom", message: requiredMessage(label) });
        return undefined;
      }
      const iso = parseFrenchDate(value);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: `${invalidMessage(label)} Format attendu : jj/mm/aaaa.` });
        return z.NEVER;
      }
      if (iso < "1900-01-01") {
        ctx.addIssue({ code: "custom", message: `${invalidMessage(label)} L'année doit être postérieure à 1900.` });
        return z.NEVER;
      }
      return iso;
    });
}

/** An ISO day plus a number of days. */
export function addDaysIso(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
