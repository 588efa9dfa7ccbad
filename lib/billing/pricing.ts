import { percentOf } from "./money";
import type { QuotientBracket, TariffVersion } from "./tariffs";
import { STATE_LABELS, type BillableItem, type BillableStateCode, type QuotientPeriod } from "./types";

/**
 * Pricing of one family's month: pure, integers in cents, the same input always giving the same lines.
 * Each day is priced with the tariff version and the quotient familial in force that day.
 */
export interface PricedLine {
  sourceId: string | null;
  childId: string;
  childName: string;
  date: string;
  serviceCode: string;
  activityCode: string;
  label: string;
  state: BillableStateCode | "FLAT_FEE";
  unitPriceCents: number;
  reductionCents: number;
  amountCents: number;
  pricing: string;
  warning: string | null;
}

export interface PricedMonth {
  lines: PricedLine[];
  totalCents: number;
  /** The quotient used for the month (the one of its first priced day), null: the default bracket. */
  quotient: number | null;
  bracketLabel: string;
}

export interface FamilyPricing {
  resident: boolean;
  quotients: QuotientPeriod[];
}

export function tariffAt(tariffs: TariffVersion[], date: string): TariffVersion | null {
  let found: TariffVersion | null = null;
  for (const version of tariffs) if (version.validFrom <= date && (!found || version.validFrom > found.validFrom)) found = version;
  return found;
}

/** The quotient valid on `date`; when several overlap, the one starting last. */
export function quotientAt(quotients: QuotientPeriod[], date: string): number | null {
  let found: QuotientPeriod | null = null;
  for (const period of quotients) {
    if (period.validFrom <= date && date <= period.validUntil && (!found || period.validFrom > found.validFrom)) found = period;
  }
  return found ? found.value : null;
}

export function bracketFor(version: TariffVersion, quotient: number | null): QuotientBracket {
  const sorted = [...version.brackets].sort((a, b) => (a.maxQuotient ?? Infinity) - (b.maxQuotient ?? Infinity));
  const byDefault = version.brackets.find((bracket) => bracket.code === version.defaultBracket) ?? sorted[sorted.length - 1];
  if (!byDefault) throw new Error("A tariff version needs at least one bracket");
  if (quotient === null) return byDefault;
  return sorted.find((bracket) => bracket.maxQuotient === null || quotient <= bracket.maxQuotient) ?? byDefault;
}

/** Children billed this month, eldest first (ties by id): rank 1, 2, 3... */
export function siblingRanks(items: BillableItem[]): Map<string, number> {
  const children = new Map<string, string>();
  for (const item of items) if (item.state !== "ABSENT_JUSTIFIED") children.set(item.childId, item.childBirthDate ?? "9999-12-31");
  const ordered = [...children.entries()].sort(([idA, a], [idB, b]) => (a === b ? (idA < idB ? -1 : 1) : a < b ? -1 : 1));
  return new Map(ordered.map(([id], index) => [id, index + 1]));
}

const UNIT_ORDER = ["MATIN", "REPAS", "DEMI_JOURNEE", "JOURNEE", "APRES_MIDI", "SOIR"];

function compareItems(a: BillableItem, b: BillableItem): number {
  return (
    a.childName.localeCompare(b.childName, "fr") ||
    a.childId.localeCompare(b.childId) ||
    a.date.localeCompare(b.date) ||
    a.activityCode.localeCompare(b.activityCode) ||
    UNIT_ORDER.indexOf(a.unit) - UNIT_ORDER.indexOf(b.unit) ||
    a.sourceId.localeCompare(b.sourceId)
  );
}

export function priceMonth(items: BillableItem[], family: FamilyPricing, tariffs: TariffVersion[]): PricedMonth {
  const sorted = [...items].sort(compareItems);
  const ranks = siblingRanks(sorted);
  const lines: PricedLine[] = [];
  let monthQuotient: number | null | undefined;
  let monthBracket = "";
  for (const item of sorted) {
    const version = tariffAt(tariffs, item.date);
    const quotient = quotientAt(family.quotients, item.date);
    const label = `${item.activityName} – ${item.unitLabel}`;
    if (!version) {
      lines.push(emptyLine(item, label, "Aucun tarif en vigueur à cette date : ligne à 0 €, à corriger."));
      continue;
    }
    const bracket = bracketFor(version, quotient);
    if (monthQuotient === undefined) {
      monthQuotient = quotient;
      monthBracket = quotient === null ? `${bracket.label}, appliquée faute de quotient familial connu` : bracket.label;
    }
    const table = version.prices[item.serviceCode]?.[item.unit];
    const base = table ? (family.resident ? table.resident : table.nonResident)[bracket.code] : undefined;
    if (base === undefined) {
      lines.push(emptyLine(item, label, `Aucun tarif pour ${item.activityName} (${item.unitLabel}) : ligne à 0 €, à corriger.`));
      continue;
    }
    const percent = item.state === "ABSENT_JUSTIFIED" ? 0 : version.chargedPercent[item.state];
    const unitPrice = percentOf(base, percent);
    const rank = ranks.get(item.childId) ?? 1;
    const reduction =
      version.siblingReduction && rank >= version.siblingReduction.fromRank ? percentOf(unitPrice, version.siblingReduction.percent) : 0;
    const parts = [
      bracket.code === version.defaultBracket && quotient === null ? `${bracket.label} (sans QF)` : bracket.label,
      family.resident ? "résident" : "hors commune",
    ];
    if (percent !== 100)
      parts.push(item.state === "ABSENT_JUSTIFIED" ? "non facturé" : `${STATE_LABELS[item.state].toLowerCase()} : ${percent} %`);
    if (reduction > 0 && version.siblingReduction) parts.push(`${rank}e enfant : -${version.siblingReduction.percent} %`);
    lines.push({
      sourceId: item.sourceId,
      childId: item.childId,
      childName: item.childName,
      date: item.date,
      serviceCode: item.serviceCode,
      activityCode: item.activityCode,
      label,
      state: item.state,
      unitPriceCents: unitPrice,
      reductionCents: reduction,
      amountCents: unitPrice - reduction,
      pricing: parts.join(", "),
      warning: item.warning ?? null,
    });
  }
  lines.push(...flatFees(sorted, tariffs));
  if (monthQuotient === undefined) {
    const version = tariffs[tariffs.length - 1];
    const quotient = sorted[0] ? quotientAt(family.quotients, sorted[0].date) : null;
    monthQuotient = quotient;
    monthBracket = version ? bracketFor(version, quotient).label : "";
  }
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0), quotient: monthQuotient, bracketLabel: monthBracket };
}

function emptyLine(item: BillableItem, label: string, warning: string): PricedLine {
  return {
    sourceId: item.sourceId,
    childId: item.childId,
    childName: item.childName,
    date: item.date,
    serviceCode: item.serviceCode,
    activityCode: item.activityCode,
    label,
    state: item.state,
    unitPriceCents: 0,
    reductionCents: 0,
    amountCents: 0,
    pricing: "sans tarif",
    warning,
  };
}

/** A flat fee per child and service, dated the first charged day, with the version in force that day. */
function flatFees(items: BillableItem[], tariffs: TariffVersion[]): PricedLine[] {
  const firstDay = new Map<string, BillableItem>();
  for (const item of items) {
    if (item.state === "ABSENT_JUSTIFIED") continue;
    const key = `${item.childId}|${item.serviceCode}`;
    const known = firstDay.get(key);
    if (!known || item.date < known.date) firstDay.set(key, item);
  }
  const lines: PricedLine[] = [];
  for (const item of firstDay.values()) {
    const version = tariffAt(tariffs, item.date);
    for (const fee of version?.flatFees ?? []) {
      if (fee.serviceCode !== item.serviceCode) continue;
      lines.push({
        sourceId: null,
        childId: item.childId,
        childName: item.childName,
        date: item.date,
        serviceCode: item.serviceCode,
        activityCode: item.activityCode,
        label: fee.label,
        state: "FLAT_FEE",
        unitPriceCents: fee.amountCents,
        reductionCents: 0,
        amountCents: fee.amountCents,
        pricing: "forfait mensuel",
        warning: null,
      });
    }
  }
  return lines;
}
