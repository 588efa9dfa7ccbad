import type { BillingConfig, TariffVersion, UnitPrice } from "./types";

/** Five brackets of quotient familial, as most Gironde towns use them. */
const BRACKETS = [
  { code: "A", label: "Tranche A (QF jusqu'à 500 €)", maxQuotient: 500 },
  { code: "B", label: "Tranche B (QF de 501 à 800 €)", maxQuotient: 800 },
  { code: "C", label: "Tranche C (QF de 801 à 1 100 €)", maxQuotient: 1100 },
  { code: "D", label: "Tranche D (QF de 1 101 à 1 500 €)", maxQuotient: 1500 },
  { code: "E", label: "Tranche E (QF au-delà de 1 500 €)", maxQuotient: null },
];

/** Resident prices per bracket A..E in cents; non-residents pay `surcharge` % more, rounded to the cent. */
function price(cents: [number, number, number, number, number], surcharge = 30): UnitPrice {
  const codes = ["A", "B", "C", "D", "E"];
  const resident: Record<string, number> = {};
  const nonResident: Record<string, number> = {};
  codes.forEach((code, index) => {
    const value = cents[index] ?? 0;
    resident[code] = value;
    nonResident[code] = Math.floor((value * (100 + surcharge) + 50) / 100);
  });
  return { resident, nonResident };
}

const SEPTEMBER_2025: TariffVersion = {
  validFrom: "2025-09-01",
  brackets: BRACKETS,
  defaultBracket: "E",
  prices: {
    RESTAURATION: { REPAS: price([95, 210, 320, 380, 420]) },
    PERISCOLAIRE: { MATIN: price([40, 80, 120, 150, 170]), SOIR: price([60, 120, 180, 220, 250]) },
    ALSH: {
      JOURNEE: price([350, 700, 1050, 1300, 1500]),
      DEMI_JOURNEE: price([200, 400, 600, 750, 850]),
      REPAS: price([95, 210, 320, 380, 420]),
    },
  },
  chargedPercent: { PRESENT: 100, ABSENT_UNJUSTIFIED: 100, LATE_CANCELLATION: 100, WALK_IN: 150 },
  siblingReduction: { fromRank: 2, percent: 10 },
  flatFees: [],
};

/** From September 2026: prices up about 3 %, a monthly flat fee for the after-school club. */
const SEPTEMBER_2026: TariffVersion = {
  ...SEPTEMBER_2025,
  validFrom: "2026-09-01",
  prices: {
    RESTAURATION: { REPAS: price([100, 215, 330, 390, 435]) },
    PERISCOLAIRE: { MATIN: price([40, 85, 125, 155, 175]), SOIR: price([60, 125, 185, 225, 260]) },
    ALSH: {
      JOURNEE: price([360, 720, 1080, 1340, 1545]),
      DEMI_JOURNEE: price([205, 410, 620, 770, 875]),
      REPAS: price([100, 215, 330, 390, 435]),
    },
    VACANCES_SPORTIVES: { JOURNEE: price([500, 900, 1300, 1600, 1800]) },
  },
  flatFees: [{ serviceCode: "PERISCOLAIRE", label: "Forfait mensuel accueil périscolaire (goûter)", amountCents: 500 }],
};

export const carbonBlancBilling: BillingConfig = {
  siret: "21330096300016",
  residentPostalCodes: ["33560"],
  residentCities: ["CARBON-BLANC", "CARBON BLANC"],
  regies: [
    {
      code: "ENF",
      name: "Régie enfance – jeunesse",
      serviceCodes: ["ALSH", "PERISCOLAIRE", "VACANCES_SPORTIVES", "ACTION_JEUNES", "ECOLE_MULTISPORT", "TRANSPORT"],
      paymentDays: 30,
      payfipClient: "012345",
      payAt:
        "en ligne sur l'Espace Famille (carte bancaire, PayFiP), ou à l'accueil de la mairie (espèces, chèque à l'ordre du Trésor public, CESU)",
    },
    {
      code: "RES",
      name: "Régie restauration scolaire",
      serviceCodes: ["RESTAURATION"],
      paymentDays: 30,
      payfipClient: "012346",
      payAt:
        "en ligne sur l'Espace Famille (carte bancaire, PayFiP), ou à l'accueil de la mairie (espèces, chèque à l'ordre du Trésor public)",
    },
  ],
  tariffs: [SEPTEMBER_2025, SEPTEMBER_2026],
  reminderDaysBefore: 5,
  quotientValidity: "calendar-year",
};
