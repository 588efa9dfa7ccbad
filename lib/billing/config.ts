import "server-only";
import { town } from "@/lib/platform/town";
import { billingConfigFor, type BillingConfig, type Regie } from "./tariffs";

export function billingConfig(): BillingConfig {
  return billingConfigFor(town().id);
}

export function regieOf(code: string): Regie | null {
  return billingConfig().regies.find((regie) => regie.code === code) ?? null;
}

/** "2026-11" -> first and last day (YYYY-MM-DD). */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, "0")}` };
}

// Built once: constructing an Intl.DateTimeFormat costs about half a millisecond (measured), formatting a microsecond.
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** "novembre 2026" */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return monthFormat.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

export const MONTH_PATTERN = /^20\d{2}-(0[1-9]|1[0-2])$/;

export function dayString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}
