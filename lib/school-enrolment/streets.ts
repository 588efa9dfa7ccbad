/**
 * Street names as parents type them and as the town writes them: one key for both, so "12 av. de la
 * Libération" finds "Avenue de la Libération". Pure (used by the import, the public lookup and the request).
 */

const ABBREVIATIONS: Record<string, string> = {
  av: "avenue",
  ave: "avenue",
  bd: "boulevard",
  bld: "boulevard",
  boul: "boulevard",
  ch: "chemin",
  chem: "chemin",
  imp: "impasse",
  all: "allee",
  pl: "place",
  rte: "route",
  sq: "square",
  res: "residence",
  lot: "lotissement",
  st: "saint",
  ste: "sainte",
  r: "rue",
};

/** Lower case, no accents or punctuation, abbreviations expanded: "Av. du Général-de-Gaulle" → "avenue du general de gaulle". */
export function streetKey(street: string): string {
  return street
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(" ");
}

export interface ParsedAddress {
  number: number | null;
  street: string;
}

/** "12 bis, avenue de la Libération" → { number: 12, street: "avenue de la Libération" }. */
export function parseAddress(input: string): ParsedAddress {
  const trimmed = input.trim().replace(/\s+/g, " ");
  const match = /^(\d{1,5})\s*(?:bis|ter|quater|[a-d])?\b[\s,]*(.*)$/i.exec(trimmed);
  if (match?.[2]) return { number: Number(match[1]), street: match[2].trim() };
  return { number: null, street: trimmed.replace(/^,\s*/, "") };
}
