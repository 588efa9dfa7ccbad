/**
 * Shapes of the INSEE COG codes for a birth place, safe to import from client components:
 * no data here, only formats. Whether a code exists is checked by the server (lib/platform/referentiel).
 */

/** INSEE country code of France; FranceConnect's `birthcountry` holds it for a birth in France. */
export const FRANCE_COUNTRY_CODE = "99100";

/** INSEE country code: "99" then three digits (99100 France, 99109 Allemagne...). */
export const COUNTRY_CODE_PATTERN = /^99\d{3}$/;

/**
 * Département or overseas collectivity: 01-19, 2A, 2B, 21-95, 971-978 (DROM, Saint-Pierre-et-Miquelon,
 * Saint-Barthélemy, Saint-Martin), 984-989 (TAAF, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie,
 * Clipperton). A format check only: 985 passes it and exists nowhere.
 */
export const DEPARTEMENT_CODE_PATTERN = /^(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-8]|98[4-9])$/;

/**
 * Commune code: five characters, the first two may be 2A/2B (Corsica since 1976). Codes from before
 * 1976 start with "20" and still turn up on old birth records, so they pass.
 */
export const COMMUNE_CODE_PATTERN = /^(?:\d{2}|2[AB])\d{3}$/;

/** Trims and upper-cases a typed or received code ("2a004 " -> "2A004"). */
export function normalizeCode(value: string | null | undefined): string {
  return (value ?? "").trim().toUpperCase();
}

export const isCountryCode = (value: string): boolean => COUNTRY_CODE_PATTERN.test(value);
export const isDepartementCode = (value: string): boolean => DEPARTEMENT_CODE_PATTERN.test(value);
export const isCommuneCode = (value: string): boolean => COMMUNE_CODE_PATTERN.test(value);

/** True for FranceConnect's "99100"; DROM and COM births are births in France too. */
export const isBornInFrance = (countryCode: string | null | undefined): boolean => normalizeCode(countryCode) === FRANCE_COUNTRY_CODE;

/**
 * The département a commune code points to by its prefix: three characters overseas (97x, 98x),
 * two elsewhere. A handful of communes associées sit in another département than their code says;
 * the server's `communeDepartement` knows them.
 */
export function departementPrefix(communeCode: string): string {
  const code = normalizeCode(communeCode);
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}
