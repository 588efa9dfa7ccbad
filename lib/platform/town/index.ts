import { env } from "@/lib/platform/env";
import type { TownConfig } from "./types";
import { carbonBlanc } from "./towns/carbon-blanc";

export type { TownConfig } from "./types";

const towns: Record<string, TownConfig> = {
  [carbonBlanc.id]: carbonBlanc,
};

/** The town this portal serves, chosen by the TOWN variable (default: carbon-blanc). */
export function town(): TownConfig {
  const id = env().TOWN;
  const config = towns[id];
  if (!config) {
    throw new Error(`Configuration invalide : TOWN "${id}" ne correspond à aucune commune (${Object.keys(towns).join(", ")})`);
  }
  return config;
}
