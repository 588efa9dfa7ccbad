import type { BillingConfig } from "./types";
import { carbonBlancBilling } from "./carbon-blanc";

export type { BillingConfig, QuotientBracket, Regie, TariffVersion, UnitPrice, FlatFee } from "./types";

/** Billing settings per town id (the same ids as lib/town/towns/). */
const configs: Record<string, BillingConfig> = { "carbon-blanc": carbonBlancBilling };

export function billingConfigFor(townId: string): BillingConfig {
  const config = configs[townId];
  if (!config) throw new Error(`Aucune configuration de facturation pour la commune « ${townId} »`);
  return config;
}
