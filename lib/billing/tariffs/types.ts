import type { BillableStateCode, UnitKindCode } from "../types";

/** A bracket of quotient familial: up to `maxQuotient` euros included (null: no upper bound). */
export interface QuotientBracket {
  code: string;
  label: string;
  maxQuotient: number | null;
}

/** Prices in cents of one unit, per bracket code. */
export interface UnitPrice {
  resident: Record<string, number>;
  nonResident: Record<string, number>;
}

export interface FlatFee {
  serviceCode: string;
  label: string;
  /** Charged once per child and month when the child has at least one charged day in the service. */
  amountCents: number;
}

/**
 * The town's prices from `validFrom` (YYYY-MM-DD) until the next version: a day is priced with the version in
 * force that day, so an old invoice keeps its old prices.
 */
export interface TariffVersion {
  validFrom: string;
  brackets: QuotientBracket[];
  /** The bracket of a family without a known quotient familial. */
  defaultBracket: string;
  /** Per service code, then unit kind. */
  prices: Record<string, Partial<Record<UnitKindCode, UnitPrice>>>;
  /** Percentage of the unit price charged per state (ABSENT_JUSTIFIED is always 0). */
  chargedPercent: Record<Exclude<BillableStateCode, "ABSENT_JUSTIFIED">, number>;
  /** From the n-th child of the family (eldest first) among those billed in the month, a reduction in %. */
  siblingReduction: { fromRank: number; percent: number } | null;
  flatFees: FlatFee[];
}

export interface Regie {
  code: string;
  name: string;
  /** The service codes billed by this régie. */
  serviceCodes: string[];
  /** Days from publication to the due date. */
  paymentDays: number;
  /** PayFiP's numcli (6 digits, given by the DGFiP). */
  payfipClient: string;
  /** How to pay, printed on invoices. */
  payAt: string;
}

export interface BillingConfig {
  /** The town's SIRET, sent to API Particulier as recipient. */
  siret: string;
  /** INSEE code and postal code of the town: a family living there is resident. */
  residentPostalCodes: string[];
  residentCities: string[];
  regies: Regie[];
  tariffs: TariffVersion[];
  /** Days before the due date the reminder is sent. */
  reminderDaysBefore: number;
  /** How long a quotient familial from API Particulier or an attestation holds (until 31 December by default). */
  quotientValidity: "calendar-year";
}
