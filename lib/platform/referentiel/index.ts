import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import departementsData from "@etalab/decoupage-administratif/data/departements.json";
import packagedCountries from "french-ssn/dist/data/countries.json";
import { FRANCE_COUNTRY_CODE, departementPrefix, isCommuneCode, isCountryCode, isDepartementCode, normalizeCode } from "./codes";

/**
 * The official INSEE lists a parent picks a birth place from (account wizard, step "Identité"),
 * and the names behind the codes FranceConnect returns (birthcountry, birthplace).
 *
 * Sources, both npm packages:
 * - communes and départements: @etalab/decoupage-administratif, one major version per INSEE COG
 *   vintage (6.x = COG 2026), with communes déléguées and associées, the arrondissements of
 *   Paris/Lyon/Marseille, DROM and COM; bump it once a year;
 * - countries: french-ssn, the only npm package found that ships the INSEE "pays" codes (99xxx),
 *   pinned because we read a data file inside it. Its list stops at the states of 2022 and holds
 *   neither former states nor territories (Tchécoslovaquie, Hong Kong); see MISSING_COUNTRIES.
 *
 * Lists are returned as copies: the memoised data is shared by every request.
 *
 * Cost, measured on Node 20 on the 2-core dev machine: countries and départements are static imports
 * (~15 kB). The communes file (8.6 MB of JSON, 37,590 entries) is read on the first call that needs
 * it: 0.35 s on an idle machine (0.5-0.8 s under load), RSS +70 MB while parsing, ~19 MB of heap kept
 * for the indexes once the parsed file is collected. Then a lookup takes a few microseconds and a
 * département's list is sorted on its first request (all 109 together: under 0.1 s).
 */

export type Country = { code: string; name: string };
export type Departement = { code: string; name: string };

export type Commune = {
  code: string;
  /**
   * Ready to show in a select: "Paris 7e Arrondissement", "Bègles", or for a former commune
   * "Bellegarde-sur-Valserine (ancienne commune, aujourd'hui Valserhône)".
   */
  name: string;
  postalCodes?: string[];
  /** Set on a former commune (commune déléguée or associée): the commune it now belongs to. */
  formerCommuneOf?: { code: string; name: string };
};

export type BirthPlaceField = "birthCountryCode" | "birthDepartmentCode" | "birthCommuneCode";
export type BirthPlaceError = { field: BirthPlaceField; message: string };
export type BirthPlaceInput = {
  countryCode?: string | null;
  departementCode?: string | null;
  communeCode?: string | null;
};

/**
 * Current states that french-ssn lacks, with their code and name from the INSEE COG "pays" file
 * (insee.fr/fr/information/2560452). Without them a parent born in Podgorica could neither pick
 * their country nor sign in with FranceConnect. The package wins if it ever ships them.
 */
const MISSING_COUNTRIES: Record<string, string> = {
  "120": "Monténégro",
  "157": "Kosovo",
  "349": "Soudan du Sud",
};

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

const LOWERCASE_PARTICLES = new Set(["de", "du", "des", "d'", "la", "le", "les", "l'", "et"]);

/** french-ssn writes "Afrique Du Sud", "Trinité-Et-Tobago", "ZIMBABWE": give them French casing. */
function tidyCountryName(raw: string): string {
  // "D'" and "L'" are words of their own: "Côte D'Ivoire" -> "Côte d'Ivoire".
  return raw.replace(/\p{L}+'?/gu, (word, offset: number) => {
    const lower = word.toLowerCase();
    if (offset > 0 && LOWERCASE_PARTICLES.has(lower)) return lower;
    if (word.length > 1 && word === word.toUpperCase()) return word.charAt(0) + lower.slice(1);
    return word;
  });
}

function memoize<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

const countries = memoize(() => {
  const entries = { ...MISSING_COUNTRIES, ...(packagedCountries as Record<string, string>) };
  const list = Object.entries(entries).map(([suffix, name]) => ({ code: `99${suffix}`, name: tidyCountryName(name) }));
  const france = list.filter((country) => country.code === FRANCE_COUNTRY_CODE);
  const others = list.filter((country) => country.code !== FRANCE_COUNTRY_CODE).sort(byName);
  const sorted: Country[] = [...france, ...others];
  return { sorted, byCode: new Map(sorted.map((country) => [country.code, country.name])) };
});

/** Every country, France first, then by French name. */
export function listCountries(): Country[] {
  return [...countries().sorted];
}

export function countryName(code: string): string | undefined {
  return countries().byCode.get(normalizeCode(code));
}

type RawDepartement = { code: string; nom: string };

const departements = memoize(() => {
  // The package lists them in the usual order (01...19, 2A, 2B, 21...95, 971...989).
  const list: Departement[] = (departementsData as RawDepartement[]).map(({ code, nom }) => ({ code, name: nom }));
  return { list, byCode: new Map(list.map((departement) => [departement.code, departement.name])) };
});

/** Départements, DROM and COM (Polynésie, Nouvelle-Calédonie...), all of which have communes. */
export function listDepartements(): Departement[] {
  return [...departements().list];
}

export function departementName(code: string): string | undefined {
  return departements().byCode.get(normalizeCode(code));
}

type RawCommune = {
  code: string;
  nom: string;
  departement: string;
  type: "commune-actuelle" | "arrondissement-municipal" | "commune-deleguee" | "commune-associee";
  codesPostaux?: string[];
  /** The commune a commune déléguée or associée belongs to. */
  chefLieu?: string;
  /** The parent commune of a municipal arrondissement (75056 for Paris 7e). */
  commune?: string;
  /** Codes of communes merged into this one, some of which are in no other entry. */
  anciensCodes?: string[];
};

/** What a code resolves to: today's name, and the départements it may be declared in. */
type CodeEntry = { name: string; departements: string[] };

type CommuneIndex = {
  byDepartement: Map<string, Commune[]>;
  /** Départements whose list is sorted yet: the first request pays for its own département only. */
  sorted: Set<string>;
  byCode: Map<string, CodeEntry>;
};

function buildCommuneIndex(raw: RawCommune[]): CommuneIndex {
  const current = new Map<string, RawCommune>();
  for (const entry of raw) {
    if (entry.type === "commune-actuelle" || entry.type === "arrondissement-municipal") current.set(entry.code, entry);
  }
  const isFormer = (entry: RawCommune) => entry.type === "commune-deleguee" || entry.type === "commune-associee";
  // Births in Paris, Lyon and Marseille are recorded by arrondissement, never under the whole city.
  const splitIntoArrondissements = new Set(raw.flatMap((entry) => (entry.commune ? [entry.commune] : [])));
  // A commune nouvelle keeps its former chef-lieu's code (Valserhône, Bellegarde-sur-Valserine: 01033).
  // A select needs one option per code, and parents were born before the merger (2015 onwards for
  // most), so the option carries the former name: that is the one on their birth certificate.
  const renamedChefLieu = new Set(
    raw
      .filter((entry) => isFormer(entry) && current.has(entry.code) && current.get(entry.code)?.nom !== entry.nom)
      .map((entry) => entry.code),
  );

  const byDepartement = new Map<string, Commune[]>();
  const byCode = new Map<string, CodeEntry>();
  const addCode = (code: string, name: string, departement: string) => {
    const entry = byCode.get(code) ?? { name, departements: [] };
    for (const candidate of [departement, departementPrefix(code)]) {
      if (!entry.departements.includes(candidate)) entry.departements.push(candidate);
    }
    byCode.set(code, entry);
  };
  const addToList = (commune: Commune, departement: string) => {
    const list = byDepartement.get(departement) ?? [];
    list.push(commune);
    byDepartement.set(departement, list);
  };

  for (const entry of raw) {
    if (!isFormer(entry)) {
      addCode(entry.code, entry.nom, entry.departement);
      if (splitIntoArrondissements.has(entry.code) || renamedChefLieu.has(entry.code)) continue;
      const commune: Commune = { code: entry.code, name: entry.nom };
      if (entry.codesPostaux?.length) commune.postalCodes = entry.codesPostaux;
      addToList(commune, entry.departement);
      continue;
    }
    const sharesCode = current.has(entry.code);
    // "Annecy" déléguée of "Annecy": the same option as the commune itself.
    if (sharesCode && !renamedChefLieu.has(entry.code)) continue;
    if (!sharesCode) addCode(entry.code, entry.nom, entry.departement);
    const parent = entry.chefLieu ? current.get(entry.chefLieu) : undefined;
    const commune: Commune = {
      code: entry.code,
      name: parent ? `${entry.nom} (ancienne commune, aujourd'hui ${parent.nom})` : `${entry.nom} (ancienne commune)`,
    };
    if (parent) commune.formerCommuneOf = { code: parent.code, name: parent.nom };
    if (sharesCode && parent?.codesPostaux?.length) commune.postalCodes = parent.codesPostaux;
    addToList(commune, entry.departement);
  }

  // Communes merged away without a déléguée status: INSEE keeps only their code, which FranceConnect
  // may still return (births before the merger, or "20xxx" in Corsica before 1976).
  for (const entry of current.values()) {
    for (const oldCode of entry.anciensCodes ?? []) {
      if (!byCode.has(oldCode)) addCode(oldCode, entry.nom, entry.departement);
    }
  }

  return { byDepartement, sorted: new Set(), byCode };
}

// Read with fs rather than imported: the parsed file can be dropped once indexed (an import would
// keep it in the module cache), and TypeScript does not have to infer a type for 8.6 MB of JSON
// (that alone tripled the time of `tsc --noEmit`).
const COMMUNES_FILE = path.join(process.cwd(), "node_modules", "@etalab", "decoupage-administratif", "data", "communes.json");

/** Loaded once per process, on the first call that needs it. */
const communes = memoize(() => buildCommuneIndex(JSON.parse(readFileSync(COMMUNES_FILE, "utf8")) as RawCommune[]));

/**
 * Communes of a département sorted by name, one per code, ready for a select. Former communes
 * (déléguées, associées) are included, their name marked "(ancienne commune, aujourd'hui X)".
 */
export function listCommunes(departementCode: string): Commune[] {
  const code = normalizeCode(departementCode);
  const { byDepartement, sorted } = communes();
  const list = byDepartement.get(code);
  if (!list) return [];
  if (!sorted.has(code)) {
    list.sort(byName);
    sorted.add(code);
  }
  return [...list];
}

/** The commune's name today; for a merged-away code, the name of the commune it merged into. */
export function communeName(code: string): string | undefined {
  return communes().byCode.get(normalizeCode(code))?.name;
}

/** The département the commune belongs to today. */
export function communeDepartement(code: string): string | undefined {
  const entry = communes().byCode.get(normalizeCode(code));
  if (!entry) return undefined;
  return entry.departements.find((departement) => departements().byCode.has(departement));
}

const COUNTRY = "pays de naissance";
const DEPARTEMENT = "département de naissance";
const COMMUNE = "commune de naissance";

/**
 * Checks a birth place as chosen in the wizard or received from FranceConnect. The birth place is
 * optional as a whole; once a country is given, a birth in France needs its département and
 * commune, and a birth abroad takes neither.
 */
export function validateBirthPlace(input: BirthPlaceInput): BirthPlaceError[] {
  const country = normalizeCode(input.countryCode);
  const departement = normalizeCode(input.departementCode);
  const commune = normalizeCode(input.communeCode);
  const errors: BirthPlaceError[] = [];

  if (!country) {
    if (departement || commune) {
      errors.push({ field: "birthCountryCode", message: `Le champ '${COUNTRY}' est obligatoire.` });
    }
    return errors;
  }
  if (!isCountryCode(country) || !countryName(country)) {
    return [{ field: "birthCountryCode", message: `Le champ '${COUNTRY}' est inconnu.` }];
  }

  if (country !== FRANCE_COUNTRY_CODE) {
    const abroad = "ne doit pas être renseigné pour une naissance à l'étranger.";
    if (departement) errors.push({ field: "birthDepartmentCode", message: `Le champ '${DEPARTEMENT}' ${abroad}` });
    if (commune) errors.push({ field: "birthCommuneCode", message: `Le champ '${COMMUNE}' ${abroad}` });
    return errors;
  }

  const knownDepartement = isDepartementCode(departement) && departementName(departement) !== undefined;
  if (!departement) {
    errors.push({ field: "birthDepartmentCode", message: `Le champ '${DEPARTEMENT}' est obligatoire.` });
  } else if (!knownDepartement) {
    errors.push({ field: "birthDepartmentCode", message: `Le champ '${DEPARTEMENT}' est inconnu.` });
  }

  if (!commune) {
    errors.push({ field: "birthCommuneCode", message: `Le champ '${COMMUNE}' est obligatoire.` });
    return errors;
  }
  const entry = isCommuneCode(commune) ? communes().byCode.get(commune) : undefined;
  if (!entry) {
    errors.push({ field: "birthCommuneCode", message: `Le champ '${COMMUNE}' est inconnu.` });
  } else if (knownDepartement && !entry.departements.includes(departement)) {
    errors.push({
      field: "birthCommuneCode",
      message: `Le champ '${COMMUNE}' ne correspond pas au département choisi.`,
    });
  }
  return errors;
}
