/** Sector matching: which row of the carte scolaire serves a house number of a street. Pure. */

export type Parity = "ALL" | "EVEN" | "ODD";

export interface SectorRange {
  parity: Parity;
  fromNumber: number | null;
  toNumber: number | null;
}

/** Whether the row covers that number (a whole-street row covers every number, and an address without one). */
export function covers(sector: SectorRange, number: number | null): boolean {
  const whole = sector.parity === "ALL" && sector.fromNumber === null && sector.toNumber === null;
  if (number === null) return whole;
  if (sector.parity === "EVEN" && number % 2 !== 0) return false;
  if (sector.parity === "ODD" && number % 2 === 0) return false;
  if (sector.fromNumber !== null && number < sector.fromNumber) return false;
  if (sector.toNumber !== null && number > sector.toNumber) return false;
  return true;
}

/** How narrow a row is: a range of one parity beats a range of both, which beats the whole street. */
function specificity(sector: SectorRange): number {
  return (sector.parity === "ALL" ? 0 : 2) + (sector.fromNumber !== null || sector.toNumber !== null ? 1 : 0);
}

/**
 * The row of that street serving the number: the narrowest one that covers it (a town may write a whole-street
 * row and, for a few numbers, a narrower one). For an address without a number on a split street: none.
 */
export function matchSector<T extends SectorRange>(rows: T[], number: number | null): T | null {
  let best: T | null = null;
  for (const row of rows) {
    if (!covers(row, number)) continue;
    if (!best || specificity(row) > specificity(best)) best = row;
  }
  return best;
}

/** "numéros pairs de 2 à 40", "numéros impairs à partir de 41", "toute la voie" */
export function describeRange(sector: SectorRange): string {
  const parity = sector.parity === "EVEN" ? "numéros pairs" : sector.parity === "ODD" ? "numéros impairs" : "numéros";
  if (sector.fromNumber === null && sector.toNumber === null) return sector.parity === "ALL" ? "toute la voie" : parity;
  if (sector.fromNumber !== null && sector.toNumber !== null) return `${parity} de ${sector.fromNumber} à ${sector.toNumber}`;
  if (sector.fromNumber !== null) return `${parity} à partir du ${sector.fromNumber}`;
  return `${parity} jusqu'au ${sector.toNumber}`;
}
