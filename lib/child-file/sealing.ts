import "server-only";
import { deriveKey } from "@/lib/platform/security/keys";
import { seal, unseal } from "@/lib/platform/security/sealed";
import type { ChildFileContent, ChildHealth } from "./schemas";

/**
 * Health data is special-category data (RGPD art. 9): it is sealed at rest (AES-256-GCM, key derived from
 * AUTH_SECRET for this purpose only), so a database dump, a backup or a read-only SQL access shows no
 * allergy, PAI or treatment. Only the two flags the staff's list filters on (hasPai, hasAllergy) stay clear.
 * Rotating AUTH_SECRET therefore needs the files re-sealed (see the README).
 */
const PURPOSE = "child-file-health";

export function sealJson(value: unknown): string {
  return seal(deriveKey(PURPOSE), JSON.stringify(value));
}

export function unsealJson<T>(sealed: string): T {
  const text = unseal(deriveKey(PURPOSE), sealed);
  if (text === null) throw new Error("A child file could not be opened (altered, or sealed with another AUTH_SECRET)");
  return JSON.parse(text) as T;
}

export const emptyHealth = (): ChildHealth => ({
  allergies: [],
  pai: false,
  paiEndDate: null,
  paiDocumentId: null,
  treatment: null,
  diet: null,
  dtpDates: [],
  vaccinationDocumentId: null,
  doctorName: null,
  doctorPhone: null,
});

export type StoredFile = { healthSealed: string; authorisations: unknown; pickupPeople: unknown };

export function contentOf(row: StoredFile): ChildFileContent {
  return {
    health: { ...emptyHealth(), ...unsealJson<ChildHealth>(row.healthSealed) },
    authorisations: (row.authorisations ?? {}) as ChildFileContent["authorisations"],
    pickup: (row.pickupPeople ?? []) as ChildFileContent["pickup"],
  };
}
