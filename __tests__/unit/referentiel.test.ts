import { NextRequest } from "next/server";
import { GET } from "@/app/api/referentiel/communes/route";
import {
  communeDepartement,
  communeName,
  countryName,
  departementName,
  listCommunes,
  listCountries,
  listDepartements,
  validateBirthPlace,
  type Commune,
} from "@/lib/platform/referentiel";
import { FRANCE_COUNTRY_CODE, departementPrefix, isCommuneCode, isCountryCode, isDepartementCode } from "@/lib/platform/referentiel/codes";

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });
const find = (list: Commune[], code: string) => list.find((commune) => commune.code === code);

describe("countries", () => {
  test("France comes first, with the code FranceConnect sends", () => {
    expect(FRANCE_COUNTRY_CODE).toBe("99100");
    expect(listCountries()[0]).toEqual({ code: "99100", name: "France" });
  });

  test("the others follow in French alphabetical order, accents ignored", () => {
    const names = listCountries()
      .slice(1)
      .map((country) => country.name);
    expect(names).toEqual([...names].sort(collator.compare));
    expect(names.indexOf("Égypte")).toBeGreaterThan(names.indexOf("Dominique"));
    expect(names.indexOf("Égypte")).toBeLessThan(names.indexOf("Espagne"));
  });

  test("every code is an INSEE 99xxx code, once", () => {
    const codes = listCountries().map((country) => country.code);
    expect(codes.every(isCountryCode)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(190);
  });

  test("codes resolve to French names", () => {
    expect(countryName("99109")).toBe("Allemagne");
    expect(countryName("99134")).toBe("Espagne");
    expect(countryName("99350")).toBe("Maroc");
    expect(countryName("99999")).toBeUndefined();
    expect(countryName("FR")).toBeUndefined();
  });

  test("states the package lacks are there", () => {
    expect(countryName("99120")).toBe("Monténégro");
    expect(countryName("99157")).toBe("Kosovo");
    expect(countryName("99349")).toBe("Soudan du Sud");
  });

  test("names read as French, not as the package's title case", () => {
    expect(countryName("99303")).toBe("Afrique du Sud");
    expect(countryName("99326")).toBe("Côte d'Ivoire");
    expect(countryName("99310")).toBe("Zimbabwe");
    expect(countryName("99433")).toBe("Trinité-et-Tobago");
  });
});

describe("départements", () => {
  test("metropolitan, Corsica, DROM and COM are listed under their INSEE code", () => {
    expect(departementName("33")).toBe("Gironde");
    expect(departementName("2A")).toBe("Corse-du-Sud");
    expect(departementName("2B")).toBe("Haute-Corse");
    expect(departementName("971")).toBe("Guadeloupe");
    expect(departementName("976")).toBe("Mayotte");
    expect(departementName("987")).toBe("Polynésie française");
    expect(departementName("988")).toBe("Nouvelle-Calédonie");
    expect(departementName("20")).toBeUndefined();
  });

  test("each listed département has communes and a well-formed code", () => {
    const list = listDepartements();
    expect(list.length).toBeGreaterThanOrEqual(101);
    for (const { code } of list) {
      expect(isDepartementCode(code)).toBe(true);
      expect(listCommunes(code).length).toBeGreaterThan(0);
    }
  });
});

describe("communes", () => {
  test("Paris 7e resolves, and Paris is offered by arrondissement only", () => {
    expect(communeName("75107")).toBe("Paris 7e Arrondissement");
    expect(communeDepartement("75107")).toBe("75");
    const paris = listCommunes("75");
    expect(paris).toHaveLength(20);
    expect(find(paris, "75107")).toEqual({ code: "75107", name: "Paris 7e Arrondissement", postalCodes: ["75007"] });
    expect(find(paris, "75056")).toBeUndefined();
    // Sorted as a person reads numbers: 2e before 10e.
    expect(paris.map((commune) => commune.code).indexOf("75102")).toBeLessThan(paris.map((c) => c.code).indexOf("75110"));
  });

  test("Corsica: 2A004 is Ajaccio, and so is its code from before 1976", () => {
    expect(communeName("2A004")).toBe("Ajaccio");
    expect(communeDepartement("2A004")).toBe("2A");
    expect(find(listCommunes("2a"), "2A004")?.name).toBe("Ajaccio");
    expect(communeName("20004")).toBe("Ajaccio");
    expect(communeDepartement("20004")).toBe("2A");
  });

  test("overseas communes", () => {
    expect(communeName("97411")).toBe("Saint-Denis");
    expect(communeDepartement("97411")).toBe("974");
    expect(communeName("98735")).toBe("Papeete");
    expect(communeDepartement("98735")).toBe("987");
    expect(find(listCommunes("988"), "98818")?.name).toBe("Nouméa");
  });

  test("former communes are offered, marked, under the name on the birth certificate", () => {
    const ain = listCommunes("01");
    expect(find(ain, "01033")).toMatchObject({
      name: "Bellegarde-sur-Valserine (ancienne commune, aujourd'hui Valserhône)",
      formerCommuneOf: { code: "01033", name: "Valserhône" },
    });
    // The code is today Valserhône's.
    expect(communeName("01033")).toBe("Valserhône");
    // A commune déléguée with a code of its own.
    expect(find(ain, "01091")?.name).toBe("Châtillon-en-Michaille (ancienne commune, aujourd'hui Valserhône)");
    expect(communeName("01091")).toBe("Châtillon-en-Michaille");
  });

  test("one option per code, sorted by name, in every département", () => {
    for (const { code } of listDepartements()) {
      const list = listCommunes(code);
      expect(new Set(list.map((commune) => commune.code)).size).toBe(list.length);
      const names = list.map((commune) => commune.name);
      expect(names).toEqual([...names].sort(collator.compare));
      expect(list.every((commune) => isCommuneCode(commune.code))).toBe(true);
    }
  });

  test("unknown codes resolve to nothing", () => {
    expect(communeName("33999")).toBeUndefined();
    expect(communeDepartement("33999")).toBeUndefined();
    expect(listCommunes("20")).toEqual([]);
  });
});

describe("validateBirthPlace", () => {
  test("a birth in France with matching codes passes", () => {
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "75", communeCode: "75107" })).toEqual([]);
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "2A", communeCode: "2A004" })).toEqual([]);
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "987", communeCode: "98735" })).toEqual([]);
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "2b", communeCode: "2b033" })).toEqual([]);
  });

  test("a commune from another département is refused", () => {
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "33", communeCode: "75107" })).toEqual([
      { field: "birthCommuneCode", message: "Le champ 'commune de naissance' ne correspond pas au département choisi." },
    ]);
  });

  test("a birth abroad takes neither département nor commune", () => {
    expect(validateBirthPlace({ countryCode: "99109", departementCode: "33", communeCode: "" })).toEqual([
      {
        field: "birthDepartmentCode",
        message: "Le champ 'département de naissance' ne doit pas être renseigné pour une naissance à l'étranger.",
      },
    ]);
    expect(validateBirthPlace({ countryCode: "99109", departementCode: "", communeCode: "33039" })).toEqual([
      {
        field: "birthCommuneCode",
        message: "Le champ 'commune de naissance' ne doit pas être renseigné pour une naissance à l'étranger.",
      },
    ]);
    // FranceConnect sends an empty birthplace for a birth abroad.
    expect(validateBirthPlace({ countryCode: "99134", departementCode: "", communeCode: "" })).toEqual([]);
  });

  test("an unknown or malformed country is refused", () => {
    const unknown = [{ field: "birthCountryCode", message: "Le champ 'pays de naissance' est inconnu." }];
    expect(validateBirthPlace({ countryCode: "99999" })).toEqual(unknown);
    expect(validateBirthPlace({ countryCode: "FR", departementCode: "33", communeCode: "33039" })).toEqual(unknown);
  });

  test("a birth in France needs a known département and commune", () => {
    expect(validateBirthPlace({ countryCode: "99100" })).toEqual([
      { field: "birthDepartmentCode", message: "Le champ 'département de naissance' est obligatoire." },
      { field: "birthCommuneCode", message: "Le champ 'commune de naissance' est obligatoire." },
    ]);
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "20", communeCode: "33999" })).toEqual([
      { field: "birthDepartmentCode", message: "Le champ 'département de naissance' est inconnu." },
      { field: "birthCommuneCode", message: "Le champ 'commune de naissance' est inconnu." },
    ]);
  });

  test("codes FranceConnect may send for communes that have since changed are accepted", () => {
    // Ajaccio before Corsica was split in 1976.
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "2A", communeCode: "20004" })).toEqual([]);
    // Escaufourt, once in the Aisne, now a commune associée in the Nord.
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "59", communeCode: "02285" })).toEqual([]);
    expect(validateBirthPlace({ countryCode: "99100", departementCode: "02", communeCode: "02285" })).toEqual([]);
  });

  test("the birth place is optional, but a département needs a country", () => {
    expect(validateBirthPlace({})).toEqual([]);
    expect(validateBirthPlace({ countryCode: "", departementCode: "33", communeCode: "33039" })).toEqual([
      { field: "birthCountryCode", message: "Le champ 'pays de naissance' est obligatoire." },
    ]);
  });
});

describe("code formats", () => {
  test("patterns accept INSEE codes and refuse look-alikes", () => {
    expect(["99100", "99352"].every(isCountryCode)).toBe(true);
    expect(["99", "9910", "98100", "FR"].some(isCountryCode)).toBe(false);
    expect(["01", "19", "2A", "2B", "21", "95", "971", "976", "987", "988"].every(isDepartementCode)).toBe(true);
    expect(["00", "20", "96", "2C", "970", "990", "1"].some(isDepartementCode)).toBe(false);
    expect(["75107", "2A004", "2B033", "97411", "98735", "20004"].every(isCommuneCode)).toBe(true);
    expect(["7510", "2C004", "A2004", "751070"].some(isCommuneCode)).toBe(false);
  });

  test("the département prefix of a commune code", () => {
    expect(departementPrefix("33039")).toBe("33");
    expect(departementPrefix("2a004")).toBe("2A");
    expect(departementPrefix("97411")).toBe("974");
    expect(departementPrefix("98735")).toBe("987");
  });
});

describe("GET /api/referentiel/communes", () => {
  const get = (query: string) => GET(new NextRequest(`http://localhost/api/referentiel/communes${query}`));

  test("returns a département's communes, cacheable by anyone", async () => {
    const response = get("?departement=33");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toMatch(/^public, max-age=\d{6,}/);
    const communes = (await response.json()) as Commune[];
    expect(communes).toContainEqual({ code: "33039", name: "Bègles", postalCodes: ["33130"] });
    expect(communes.every((commune) => communeDepartement(commune.code) === "33")).toBe(true);
  });

  test("refuses a missing or unknown département in French", async () => {
    for (const query of ["", "?departement=", "?departement=20", "?departement=ABC", "?departement=985"]) {
      const response = get(query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(/^Le (paramètre 'departement' est obligatoire|département demandé est inconnu)\.$/);
    }
  });
});
