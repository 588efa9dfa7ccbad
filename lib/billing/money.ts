/** Money is integers in cents everywhere; these are the only conversions. */

/** `percent` % of `cents`, rounded half up to the cent, in integers only. */
export function percentOf(cents: number, percent: number): number {
  if (!Number.isSafeInteger(cents) || !Number.isSafeInteger(percent) || cents < 0 || percent < 0)
    throw new RangeError("percentOf expects non-negative integers");
  return Math.floor((cents * percent + 50) / 100);
}

/** "1 234,50 €" (narrow no-break spaces as French typography wants). */
export function formatEuros(cents: number): string {
  const negative = cents < 0;
  const absolute = Math.abs(cents);
  const euros = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  const rest = String(absolute % 100).padStart(2, "0");
  return `${negative ? "-" : ""}${euros},${rest}\u00a0€`;
}

/** "12,50" or "12" or "12.5" typed by staff into cents; null when it is not an amount. */
export function parseEuros(input: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*(?:€)?\s*$/.exec(input);
  if (!match) return null;
  const euros = Number(match[1]);
  const cents = match[2] ? Number(match[2].padEnd(2, "0")) : 0;
  return euros * 100 + cents;
}
