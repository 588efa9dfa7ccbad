/**
 * The carte scolaire's CSV files, as the town's spreadsheet writes them: UTF-8 (a BOM is tolerated), `;`
 * separator like the portal's exports, CRLF or LF, quoted cells with "" for a quote. Pure.
 */
import { streetKey } from "./streets";
import type { Parity } from "./sectors";

export const SCHOOL_COLUMNS = ["code", "nom", "type", "adresse", "telephone", "courriel", "directeur", "capacite"] as const;
export const SECTOR_COLUMNS = ["voie", "parite", "numero_debut", "numero_fin", "maternelle", "elementaire"] as const;

export interface CsvError {
  line: number;
  message: string;
}

export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === "") quoted = true;
    else if (char === ";") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ""));
}

/** The rows as objects keyed by the documented columns; the header must name them all (any order, any case). */
function table<C extends string>(
  text: string,
  columns: readonly C[],
): { rows: { line: number; cells: Record<C, string> }[]; errors: CsvError[] } {
  const [header, ...body] = parseCsv(text);
  if (!header) return { rows: [], errors: [{ line: 1, message: "Le fichier est vide." }] };
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length) return { rows: [], errors: [{ line: 1, message: `Colonnes manquantes dans l'en-tête : ${missing.join(", ")}.` }] };
  return {
    errors: [],
    rows: body.map((cells, index) => ({
      line: index + 2,
      cells: Object.fromEntries(columns.map((column) => [column, (cells[names.indexOf(column)] ?? "").trim()])) as Record<C, string>,
    })),
  };
}

export interface SchoolRow {
  code: string;
  name: string;
  kind: "MATERNELLE" | "ELEMENTAIRE";
  address: string;
  phone: string | null;
  email: string | null;
  director: string | null;
  capacity: Record<string, number>;
}

export interface SectorRow {
  street: string;
  streetKey: string;
  parity: Parity;
  fromNumber: number | null;
  toNumber: number | null;
  maternelle: string;
  elementaire: string;
}

const LEVEL_CODES = ["PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2"];

/** "PS=56, MS=56, GS=60" → { PS: 56, MS: 56, GS: 60 } */
function parseCapacity(value: string): Record<string, number> | string {
  const capacity: Record<string, number> = {};
  for (const part of value
    .split(/[,|]/)
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9]+)\s*[=:]\s*(\d{1,4})$/.exec(part);
    const level = match?.[1]?.toUpperCase();
    if (!match || !level || !LEVEL_CODES.includes(level)) return `capacité « ${part} » illisible (attendu par exemple PS=56)`;
    capacity[level] = Number(match[2]);
  }
  return capacity;
}

export function parseSchoolsCsv(text: string): { rows: SchoolRow[]; errors: CsvError[] } {
  const { rows, errors } = table(text, SCHOOL_COLUMNS);
  const result: SchoolRow[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const kind = cells.type
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
    const capacity = parseCapacity(cells.capacite);
    const problems: string[] = [];
    if (!/^[A-Za-z0-9-]{2,40}$/.test(cells.code)) problems.push("code manquant ou invalide (lettres, chiffres, tirets)");
    else if (seen.has(cells.code.toUpperCase())) problems.push(`code « ${cells.code} » en double`);
    if (!cells.nom) problems.push("nom manquant");
    if (kind !== "maternelle" && kind !== "elementaire") problems.push("type attendu : maternelle ou élémentaire");
    if (!cells.adresse) problems.push("adresse manquante");
    if (typeof capacity === "string") problems.push(capacity);
    if (problems.length || typeof capacity === "string") {
      errors.push({ line, message: `Ligne ${line} : ${problems.join(" ; ")}.` });
      continue;
    }
    seen.add(cells.code.toUpperCase());
    result.push({
      code: cells.code.toUpperCase(),
      name: cells.nom,
      kind: kind === "maternelle" ? "MATERNELLE" : "ELEMENTAIRE",
      address: cells.adresse,
      phone: cells.telephone || null,
      email: cells.courriel || null,
      director: cells.directeur || null,
      capacity,
    });
  }
  return { rows: result, errors };
}

function parseParity(value: string): Parity | null {
  const word = value
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  if (["", "tous", "toute", "toute la voie", "tout"].includes(word)) return "ALL";
  if (["pair", "pairs"].includes(word)) return "EVEN";
  if (["impair", "impairs"].includes(word)) return "ODD";
  return null;
}

function parseNumber(value: string): number | null | undefined {
  if (value === "") return null;
  return /^\d{1,5}$/.test(value) ? Number(value) : undefined;
}

/** The identity of a sector row: the same street and range is the same row (its schools may change). */
export function sectorKey(row: Pick<SectorRow, "streetKey" | "parity" | "fromNumber" | "toNumber">): string {
  return `${row.streetKey}|${row.parity}|${row.fromNumber ?? ""}|${row.toNumber ?? ""}`;
}

export function parseSectorsCsv(text: string): { rows: SectorRow[]; errors: CsvError[] } {
  const { rows, errors } = table(text, SECTOR_COLUMNS);
  const result: SectorRow[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of rows) {
    const parity = parseParity(cells.parite);
    const fromNumber = parseNumber(cells.numero_debut);
    const toNumber = parseNumber(cells.numero_fin);
    const problems: string[] = [];
    if (!cells.voie) problems.push("voie manquante");
    if (parity === null) problems.push("parité attendue : pair, impair ou vide (toute la voie)");
    if (fromNumber === undefined) problems.push("numéro de début invalide");
    if (toNumber === undefined) problems.push("numéro de fin invalide");
    if (typeof fromNumber === "number" && typeof toNumber === "number" && fromNumber > toNumber)
      problems.push("le numéro de début dépasse le numéro de fin");
    if (!cells.maternelle) problems.push("code de l'école maternelle manquant");
    if (!cells.elementaire) problems.push("code de l'école élémentaire manquant");
    if (problems.length || parity === null || fromNumber === undefined || toNumber === undefined) {
      errors.push({ line, message: `Ligne ${line} : ${problems.join(" ; ")}.` });
      continue;
    }
    const row: SectorRow = {
      street: cells.voie.replace(/\s+/g, " "),
      streetKey: streetKey(cells.voie),
      parity,
      fromNumber,
      toNumber,
      maternelle: cells.maternelle.toUpperCase(),
      elementaire: cells.elementaire.toUpperCase(),
    };
    const key = sectorKey(row);
    if (seen.has(key)) {
      errors.push({ line, message: `Ligne ${line} : cette voie et cette plage de numéros figurent déjà plus haut.` });
      continue;
    }
    seen.add(key);
    result.push(row);
  }
  return { rows: result, errors };
}
