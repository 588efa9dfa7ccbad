import fc from "fast-check";
import { formatEuros, parseEuros, percentOf } from "@/lib/billing/money";
import { bracketFor, priceMonth, quotientAt, tariffAt } from "@/lib/billing/pricing";
import { carbonBlancBilling } from "@/lib/billing/tariffs/carbon-blanc";
import { BILLABLE_STATES, type BillableItem, type BillableStateCode } from "@/lib/billing/types";

const tariffs = carbonBlancBilling.tariffs;

function item(overrides: Partial<BillableItem>): BillableItem {
  return {
    sourceId: "b1",
    familyId: "f1",
    childId: "c1",
    childName: "Léa TESTO",
    childBirthDate: "2018-05-02",
    date: "2026-11-02",
    serviceCode: "RESTAURATION",
    activityCode: "cantine",
    activityName: "Restauration scolaire",
    unit: "REPAS",
    unitLabel: "Repas",
    state: "PRESENT",
    ...overrides,
  };
}

describe("money", () => {
  it("rounds percentages half up in integers", () => {
    expect(percentOf(215, 10)).toBe(22); // 21.5 -> 22
    expect(percentOf(214, 10)).toBe(21);
    expect(percentOf(390, 150)).toBe(585);
    expect(() => percentOf(1.5, 10)).toThrow(RangeError);
  });
  it("formats and parses euros", () => {
    expect(formatEuros(123450)).toBe("1\u202f234,50\u00a0€");
    expect(formatEuros(5)).toBe("0,05\u00a0€");
    expect(parseEuros("12,5")).toBe(1250);
    expect(parseEuros("12.05 €")).toBe(1205);
    expect(parseEuros("douze")).toBeNull();
    expect(parseEuros("-3")).toBeNull();
  });
});

describe("tariffs and quotient at a date", () => {
  it("uses the version in force on the day: an old month keeps its old price", () => {
    expect(tariffAt(tariffs, "2026-06-30")?.validFrom).toBe("2025-09-01");
    expect(tariffAt(tariffs, "2026-09-01")?.validFrom).toBe("2026-09-01");
    expect(tariffAt(tariffs, "2020-01-01")).toBeNull();
  });
  it("uses the quotient valid that day, the default bracket without one", () => {
    const quotients = [
      { value: 450, validFrom: "2026-01-01", validUntil: "2026-11-15" },
      { value: 900, validFrom: "2026-11-16", validUntil: "2026-12-31" },
    ];
    expect(quotientAt(quotients, "2026-11-15")).toBe(450);
    expect(quotientAt(quotients, "2026-11-16")).toBe(900);
    expect(quotientAt(quotients, "2027-01-01")).toBeNull();
    const version = tariffs[1]!;
    expect(bracketFor(version, 450).code).toBe("A");
    expect(bracketFor(version, 500).code).toBe("A");
    expect(bracketFor(version, 501).code).toBe("B");
    expect(bracketFor(version, 5000).code).toBe("E");
    expect(bracketFor(version, null).code).toBe("E");
  });
  it("prices a month across a change of quotient day by day", () => {
    const quotients = [
      { value: 450, validFrom: "2026-01-01", validUntil: "2026-11-15" },
      { value: 900, validFrom: "2026-11-16", validUntil: "2026-12-31" },
    ];
    const month = priceMonth(
      [item({ sourceId: "a", date: "2026-11-13" }), item({ sourceId: "b", date: "2026-11-16" })],
      { resident: true, quotients },
      tariffs,
    );
    expect(month.lines.map((line) => line.amountCents)).toEqual([100, 330]);
    expect(month.totalCents).toBe(430);
    expect(month.quotient).toBe(450);
  });
});

describe("priceMonth", () => {
  it("charges each state as configured; a justified absence is shown at 0 €", () => {
    const states: BillableStateCode[] = ["PRESENT", "ABSENT_UNJUSTIFIED", "LATE_CANCELLATION", "WALK_IN", "ABSENT_JUSTIFIED"];
    const month = priceMonth(
      states.map((state, index) => item({ sourceId: `s${index}`, date: `2026-11-0${index + 2}`, state })),
      { resident: true, quotients: [] },
      tariffs,
    );
    expect(month.lines.map((line) => line.amountCents)).toEqual([435, 435, 435, 653, 0]);
    expect(month.lines[4]?.pricing).toContain("non facturé");
    expect(month.bracketLabel).toContain("faute de quotient familial");
    expect(month.quotient).toBeNull();
  });
  it("charges non-residents more, reduces from the second child (eldest first), adds flat fees once per child", () => {
    const items = [
      item({
        sourceId: "x1",
        childId: "young",
        childName: "Tom TESTO",
        childBirthDate: "2020-01-01",
        serviceCode: "PERISCOLAIRE",
        unit: "SOIR",
        unitLabel: "Soir",
        activityName: "Accueil du soir",
      }),
      item({
        sourceId: "x2",
        childId: "young",
        childName: "Tom TESTO",
        childBirthDate: "2020-01-01",
        serviceCode: "PERISCOLAIRE",
        unit: "SOIR",
        unitLabel: "Soir",
        activityName: "Accueil du soir",
        date: "2026-11-03",
      }),
      item({
        sourceId: "x3",
        childId: "old",
        childName: "Léa TESTO",
        childBirthDate: "2016-01-01",
        serviceCode: "PERISCOLAIRE",
        unit: "SOIR",
        unitLabel: "Soir",
        activityName: "Accueil du soir",
      }),
    ];
    const resident = priceMonth(
      items,
      { resident: true, quotients: [{ value: 700, validFrom: "2026-01-01", validUntil: "2026-12-31" }] },
      tariffs,
    );
    const lea = resident.lines.filter((line) => line.childId === "old" && line.state !== "FLAT_FEE");
    const tom = resident.lines.filter((line) => line.childId === "young" && line.state !== "FLAT_FEE");
    expect(lea.map((line) => line.amountCents)).toEqual([125]);
    expect(tom.map((line) => [line.unitPriceCents, line.reductionCents, line.amountCents])).toEqual([
      [125, 13, 112],
      [125, 13, 112],
    ]);
    expect(resident.lines.filter((line) => line.state === "FLAT_FEE")).toHaveLength(2);
    expect(resident.totalCents).toBe(125 + 112 + 112 + 500 + 500);
    const outside = priceMonth(items, { resident: false, quotients: [] }, tariffs);
    expect(outside.lines[0]?.unitPriceCents).toBe(338); // 260 * 1.30
  });
  it("warns on a day without a tariff instead of inventing a price", () => {
    const month = priceMonth([item({ serviceCode: "TRANSPORT", unit: "MATIN" })], { resident: true, quotients: [] }, tariffs);
    expect(month.lines[0]?.amountCents).toBe(0);
    expect(month.lines[0]?.warning).toMatch(/Aucun tarif/);
  });
});

describe("a generated month reconciles to the cent", () => {
  const itemArbitrary = fc.record({
    child: fc.constantFrom("c1", "c2", "c3"),
    day: fc.integer({ min: 1, max: 30 }),
    service: fc.constantFrom(
      ["RESTAURATION", "REPAS"],
      ["PERISCOLAIRE", "MATIN"],
      ["PERISCOLAIRE", "SOIR"],
      ["ALSH", "JOURNEE"],
      ["ALSH", "DEMI_JOURNEE"],
    ),
    state: fc.constantFrom(...BILLABLE_STATES),
  });
  const familyArbitrary = fc.record({
    resident: fc.boolean(),
    quotient: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    change: fc.option(fc.record({ day: fc.integer({ min: 2, max: 30 }), value: fc.integer({ min: 0, max: 3000 }) }), { nil: null }),
  });

  it("total = sum of lines = sum per child = sum per state; amounts are non-negative integers; order does not matter", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(itemArbitrary, { maxLength: 80, selector: (entry) => `${entry.child}|${entry.day}|${entry.service.join()}` }),
        familyArbitrary,
        (entries, family) => {
          const items: BillableItem[] = entries.map((entry, index) =>
            item({
              sourceId: `s${index}`,
              childId: entry.child,
              childName: `Enfant ${entry.child}`,
              childBirthDate: `201${entry.child.slice(1)}-01-01`,
              date: `2026-11-${String(entry.day).padStart(2, "0")}`,
              serviceCode: entry.service[0]!,
              unit: entry.service[1] as BillableItem["unit"],
              state: entry.state,
            }),
          );
          const quotients = [];
          if (family.quotient !== null) quotients.push({ value: family.quotient, validFrom: "2026-01-01", validUntil: "2026-12-31" });
          if (family.change)
            quotients.push({
              value: family.change.value,
              validFrom: `2026-11-${String(family.change.day).padStart(2, "0")}`,
              validUntil: "2026-12-31",
            });
          const month = priceMonth(items, { resident: family.resident, quotients }, tariffs);

          const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
          expect(month.totalCents).toBe(sum(month.lines.map((line) => line.amountCents)));
          const perChild = new Map<string, number>();
          const perState = new Map<string, number>();
          for (const line of month.lines) {
            expect(Number.isSafeInteger(line.amountCents) && line.amountCents >= 0).toBe(true);
            expect(line.amountCents).toBe(line.unitPriceCents - line.reductionCents);
            expect(line.reductionCents).toBeLessThanOrEqual(line.unitPriceCents);
            perChild.set(line.childId, (perChild.get(line.childId) ?? 0) + line.amountCents);
            perState.set(line.state, (perState.get(line.state) ?? 0) + line.amountCents);
          }
          expect(sum([...perChild.values()])).toBe(month.totalCents);
          expect(sum([...perState.values()])).toBe(month.totalCents);
          expect(perState.get("ABSENT_JUSTIFIED") ?? 0).toBe(0);
          // every billable item gives exactly one line
          expect(month.lines.filter((line) => line.state !== "FLAT_FEE")).toHaveLength(items.length);
          // the same month in another order gives the same invoice
          const again = priceMonth([...items].reverse(), { resident: family.resident, quotients }, tariffs);
          expect(again).toEqual(month);
        },
      ),
      { numRuns: 200 },
    );
  });
});
