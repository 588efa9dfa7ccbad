/** What an import of the carte scolaire would change: added, changed, removed, by row identity. Pure. */
import { sectorKey, type SchoolRow, type SectorRow } from "./csv";

export interface RowChange<T> {
  key: string;
  before: T | null;
  after: T | null;
  /** For a change: the French names of the fields that differ. */
  fields: string[];
}

export interface CarteDiff {
  schools: { added: RowChange<SchoolRow>[]; changed: RowChange<SchoolRow>[]; removed: RowChange<SchoolRow>[] };
  sectors: { added: RowChange<SectorRow>[]; changed: RowChange<SectorRow>[]; removed: RowChange<SectorRow>[] };
}

const SCHOOL_FIELDS: [keyof SchoolRow, string][] = [
  ["name", "nom"],
  ["kind", "type"],
  ["address", "adresse"],
  ["phone", "téléphone"],
  ["email", "courriel"],
  ["director", "directeur"],
  ["capacity", "capacité"],
];
const SECTOR_FIELDS: [keyof SectorRow, string][] = [
  ["street", "voie (écriture)"],
  ["maternelle", "maternelle"],
  ["elementaire", "élémentaire"],
];

function same(a: unknown, b: unknown): boolean {
  return (
    JSON.stringify(a, a && typeof a === "object" ? Object.keys(a).sort() : undefined) ===
    JSON.stringify(b, b && typeof b === "object" ? Object.keys(b).sort() : undefined)
  );
}

function diffRows<T>(current: T[], incoming: T[] | null, keyOf: (row: T) => string, fields: [keyof T, string][]) {
  const out = { added: [] as RowChange<T>[], changed: [] as RowChange<T>[], removed: [] as RowChange<T>[] };
  if (incoming === null) return out;
  const before = new Map(current.map((row) => [keyOf(row), row]));
  const after = new Map(incoming.map((row) => [keyOf(row), row]));
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old) out.added.push({ key, before: null, after: row, fields: [] });
    else {
      const changed = fields.filter(([field]) => !same(old[field], row[field])).map(([, label]) => label);
      if (changed.length) out.changed.push({ key, before: old, after: row, fields: changed });
    }
  }
  for (const [key, row] of before) if (!after.has(key)) out.removed.push({ key, before: row, after: null, fields: [] });
  return out;
}

/** A file not given (null) changes nothing of its part. */
export function diffCarte(
  current: { schools: SchoolRow[]; sectors: SectorRow[] },
  incoming: { schools: SchoolRow[] | null; sectors: SectorRow[] | null },
): CarteDiff {
  return {
    schools: diffRows(current.schools, incoming.schools, (row) => row.code, SCHOOL_FIELDS),
    sectors: diffRows(current.sectors, incoming.sectors, sectorKey, SECTOR_FIELDS),
  };
}

export function diffSize(diff: CarteDiff): number {
  return [diff.schools, diff.sectors].reduce((total, part) => total + part.added.length + part.changed.length + part.removed.length, 0);
}
