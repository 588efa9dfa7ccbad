import "server-only";

/**
 * The child-file contract (#15) as reservations uses it. The child-file feature (`@/lib/child-file`) is not in
 * main yet, so these answer "nothing missing" and "no flag"; when it lands, each function forwards to it.
 */
export type Prerequisite = { kind: "document" | "authorisation" | "file"; code: string; message: string };
export type HealthFlags = { pai: boolean; allergies: { name: string; reaction: string | null; action: string | null }[]; diet: string | null };
export type PickupInfo = { people: { name: string; phone: string; relationship: string }[]; leavesAlone: boolean };

export async function missingPrerequisites(childId: string, required: { documents: string[]; authorisations: string[] }, at: Date): Promise<Prerequisite[]> {
  void childId;
  void required;
  void at;
  return [];
}

export async function healthFlags(childIds: string[]): Promise<Map<string, HealthFlags>> {
  void childIds;
  return new Map();
}

export async function pickupInfo(childIds: string[]): Promise<Map<string, PickupInfo>> {
  void childIds;
  return new Map();
}
