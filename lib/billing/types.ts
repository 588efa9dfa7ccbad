/**
 * The input of billing: what a child attended or booked, one item per child, day and unit. The reservations
 * feature produces them (see collector.ts); tests and demo data build them directly.
 */
export const BILLABLE_STATES = ["PRESENT", "ABSENT_UNJUSTIFIED", "LATE_CANCELLATION", "WALK_IN", "ABSENT_JUSTIFIED"] as const;
export type BillableStateCode = (typeof BILLABLE_STATES)[number];

export const UNIT_KINDS = ["MATIN", "REPAS", "APRES_MIDI", "SOIR", "JOURNEE", "DEMI_JOURNEE"] as const;
export type UnitKindCode = (typeof UNIT_KINDS)[number];

export interface BillableItem {
  /** The booking it comes from: a source is billed once. */
  sourceId: string;
  familyId: string;
  childId: string;
  /** "Léa TESTO" */
  childName: string;
  /** YYYY-MM-DD, orders the siblings (the eldest is the first child). */
  childBirthDate: string | null;
  /** YYYY-MM-DD (the day in Europe/Paris). */
  date: string;
  /** The service's code (ALSH, RESTAURATION, PERISCOLAIRE...): tariffs and régies are set per service. */
  serviceCode: string;
  activityCode: string;
  activityName: string;
  unit: UnitKindCode;
  unitLabel: string;
  state: BillableStateCode;
  /** Something staff should check (no attendance recorded...). */
  warning?: string;
}

/** French words for the states, as printed on invoices. */
export const STATE_LABELS: Record<BillableStateCode | "FLAT_FEE" | "CREDIT", string> = {
  PRESENT: "Présent",
  ABSENT_UNJUSTIFIED: "Absence non justifiée",
  LATE_CANCELLATION: "Annulation tardive",
  WALK_IN: "Présence non réservée",
  ABSENT_JUSTIFIED: "Absence justifiée (non facturée)",
  FLAT_FEE: "Forfait",
  CREDIT: "Avoir",
};

/** A quotient familial valid over [validFrom, validUntil] (YYYY-MM-DD, inclusive). */
export interface QuotientPeriod {
  value: number;
  validFrom: string;
  validUntil: string;
}
