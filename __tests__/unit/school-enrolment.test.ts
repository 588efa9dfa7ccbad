import { parseCsv, parseSchoolsCsv, parseSectorsCsv } from "@/lib/school-enrolment/csv";
import { DEMO_SCHOOLS_CSV, DEMO_SECTORS_CSV } from "@/lib/school-enrolment/demo-carte";
import { diffCarte } from "@/lib/school-enrolment/diff";
import { levelForBirthDate, nextSchoolYearStart } from "@/lib/school-enrolment/levels";
import { describeRange, matchSector, type SectorRange } from "@/lib/school-enrolment/sectors";
import { parseAddress, streetKey } from "@/lib/school-enrolment/streets";

describe("levels from the birth date", () => {
  it("puts a child in petite section the calendar year they turn 3, whatever the month", () => {
    expect(levelForBirthDate(new Date("2024-01-01"), 2027)).toBe("PS");
    expect(levelForBirthDate(new Date("2024-12-31"), 2027)).toBe("PS");
    expect(levelForBirthDate(new Date("2025-01-01"), 2027)).toBeNull();
  });
  it("puts a child in CP the year they turn 6 and in the other levels by age", () => {
    expect(levelForBirthDate(new Date("2021-06-15"), 2027)).toBe("CP");
    expect(levelForBirthDate(new Date("2023-03-01"), 2027)).toBe("MS");
    expect(levelForBirthDate(new Date("2022-11-30"), 2027)).toBe("GS");
    expect(levelForBirthDate(new Date("2017-02-01"), 2027)).toBe("CM2");
    expect(levelForBirthDate(new Date("2016-12-31"), 2027)).toBeNull();
  });
  it("takes next school year from September on", () => {
    expect(nextSchoolYearStart(new Date("2026-12-03T09:00:00Z"))).toBe(2027);
    expect(nextSchoolYearStart(new Date("2027-03-15T09:00:00Z"))).toBe(2027);
    expect(nextSchoolYearStart(new Date("2027-09-01T09:00:00Z"))).toBe(2028);
  });
});

describe("street keys and addresses", () => {
  it("finds the town's spelling from the way parents type it", () => {
    expect(streetKey("Av. du Général-de-Gaulle")).toBe(streetKey("avenue du general de gaulle"));
    expect(streetKey("  RUE  Jean Jaurès ")).toBe(streetKey("Rue Jean-Jaurès"));
  });
  it("reads the number, with bis or ter, and the street", () => {
    expect(parseAddress("12 bis, avenue de la Libération")).toEqual({ number: 12, street: "avenue de la Libération" });
    expect(parseAddress("7ter rue du Parc")).toEqual({ number: 7, street: "rue du Parc" });
    expect(parseAddress("Chemin de Labarde")).toEqual({ number: null, street: "Chemin de Labarde" });
  });
});

describe("sector matching", () => {
  const rows: (SectorRange & { school: string })[] = [
    { parity: "ODD", fromNumber: 1, toNumber: 59, school: "A" },
    { parity: "ODD", fromNumber: 61, toNumber: null, school: "B" },
    { parity: "EVEN", fromNumber: 2, toNumber: 40, school: "A" },
    { parity: "EVEN", fromNumber: 42, toNumber: null, school: "B" },
  ];
  it("sends odd and even numbers of a split street to their range, open-ended ranges included", () => {
    expect(matchSector(rows, 1)?.school).toBe("A");
    expect(matchSector(rows, 59)?.school).toBe("A");
    expect(matchSector(rows, 61)?.school).toBe("B");
    expect(matchSector(rows, 40)?.school).toBe("A");
    expect(matchSector(rows, 42)?.school).toBe("B");
    expect(matchSector(rows, 1042)?.school).toBe("B");
  });
  it("finds nothing outside the ranges or without a number on a split street", () => {
    expect(matchSector(rows, 0)).toBeNull();
    expect(matchSector(rows, null)).toBeNull();
  });
  it("prefers the narrowest row when a whole-street row and a range overlap", () => {
    const overlapping = [
      { parity: "ALL" as const, fromNumber: null, toNumber: null, school: "whole" },
      { parity: "EVEN" as const, fromNumber: 10, toNumber: 20, school: "range" },
    ];
    expect(matchSector(overlapping, 12)?.school).toBe("range");
    expect(matchSector(overlapping, 13)?.school).toBe("whole");
    expect(matchSector(overlapping, null)?.school).toBe("whole");
  });
  it("splits a street in two sectors by number, both parities", () => {
    const gaulle = [
      { parity: "ALL" as const, fromNumber: null, toNumber: 99, school: "A" },
      { parity: "ALL" as const, fromNumber: 100, toNumber: null, school: "B" },
    ];
    expect(matchSector(gaulle, 99)?.school).toBe("A");
    expect(matchSector(gaulle, 100)?.school).toBe("B");
  });
  it("describes a range in French", () => {
    expect(describeRange({ parity: "ODD", fromNumber: 61, toNumber: null })).toBe("numéros impairs à partir du 61");
    expect(describeRange({ parity: "ALL", fromNumber: null, toNumber: null })).toBe("toute la voie");
  });
});

describe("carte scolaire CSV", () => {
  it("reads a BOM, CRLF, quoted cells with quotes and semicolons", () => {
    expect(parseCsv('\uFEFFa;b\r\n"x;""y""";z\r\n\r\n')).toEqual([
      ["a", "b"],
      ['x;"y"', "z"],
    ]);
  });
  it("reads the demo files without errors", () => {
    expect(parseSchoolsCsv(DEMO_SCHOOLS_CSV).errors).toEqual([]);
    const sectors = parseSectorsCsv(DEMO_SECTORS_CSV);
    expect(sectors.errors).toEqual([]);
    expect(sectors.rows.find((row) => row.street === "Rue Jean-Jaurès" && row.parity === "ODD" && row.fromNumber === 61)).toMatchObject({
      toNumber: null,
      maternelle: "MAT-PARC",
    });
  });
  it("names the line and the problem of a wrong row and keeps the good ones", () => {
    const { rows, errors } = parseSectorsCsv(
      "voie;parite;numero_debut;numero_fin;maternelle;elementaire\nRue A;pair;40;2;M;E\nRue B;deux;;;M;E\nRue C;;;;M;E\nRue C;;;;M;E",
    );
    expect(rows.map((row) => row.street)).toEqual(["Rue C"]);
    expect(errors.map((error) => error.message)).toEqual([
      "Ligne 2 : le numéro de début dépasse le numéro de fin.",
      "Ligne 3 : parité attendue : pair, impair ou vide (toute la voie).",
      "Ligne 5 : cette voie et cette plage de numéros figurent déjà plus haut.",
    ]);
  });
  it("refuses a file without the documented columns", () => {
    expect(parseSchoolsCsv("code;nom\nX;Y").errors[0]?.message).toMatch(/Colonnes manquantes.*type/);
  });
  it("tells added, changed and removed rows apart", () => {
    const before = parseSectorsCsv(DEMO_SECTORS_CSV).rows;
    const after = parseSectorsCsv(
      DEMO_SECTORS_CSV.replace("Chemin de Labarde;;;;MAT-PARC;ELE-PASTEUR", "Chemin de Labarde;;;;MAT-TILLEULS;ELE-JAURES").replace(
        "Impasse des Vignes;;;;MAT-PARC;ELE-PASTEUR\r\n",
        "",
      ) + "\r\nRue Neuve;;;;MAT-PARC;ELE-PASTEUR",
    ).rows;
    const diff = diffCarte({ schools: [], sectors: before }, { schools: null, sectors: after });
    expect(diff.sectors.added.map((change) => change.after?.street)).toEqual(["Rue Neuve"]);
    expect(diff.sectors.changed.map((change) => [change.after?.street, change.fields])).toEqual([
      ["Chemin de Labarde", ["maternelle", "élémentaire"]],
    ]);
    expect(diff.sectors.removed.map((change) => change.before?.street)).toEqual(["Impasse des Vignes"]);
    expect(diff.schools.removed).toEqual([]);
  });
});
