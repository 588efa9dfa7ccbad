import "server-only";
import { db } from "@/lib/platform/db";
import { ageOn } from "@/lib/platform/validation/date";
import { isUuid } from "@/lib/platform/validation/uuid";
import { parisDay } from "./rules";
import { contentOf } from "./sealing";

export interface HealthFlags {
  pai: boolean;
  allergies: { name: string; reaction: string | null; action: string | null }[];
  diet: string | null;
}

export interface PickupInfo {
  people: { name: string; phone: string; relationship: string }[];
  leavesAlone: boolean;
}

const validIds = (ids: string[]) => [...new Set(ids.filter(isUuid))];

/**
 * For attendance lists and the kitchen: every requested child has an entry (nothing declared: no PAI, no
 * allergy). The caller is a staff page that has already checked authorizeHealthReader and audits its read.
 */
export async function healthFlags(childIds: string[]): Promise<Map<string, HealthFlags>> {
  const ids = validIds(childIds);
  const rows = ids.length ? await db().childFile.findMany({ where: { childId: { in: ids } } }) : [];
  const flags = new Map<string, HealthFlags>(ids.map((id) => [id, { pai: false, allergies: [], diet: null }]));
  for (const row of rows) {
    const { health } = contentOf(row);
    flags.set(row.childId, { pai: health.pai, allergies: health.allergies, diet: health.diet });
  }
  return flags;
}

/** People allowed to pick each child up, and whether the child may leave alone today (authorisation and age). */
export async function pickupInfo(childIds: string[], at: Date = new Date()): Promise<Map<string, PickupInfo>> {
  const ids = validIds(childIds);
  const rows = ids.length
    ? await db().familyMember.findMany({
        where: { id: { in: ids }, role: "CHILD" },
        select: { id: true, birthDate: true, childFile: { select: { healthSealed: true, authorisations: true, pickupPeople: true } } },
      })
    : [];
  const info = new Map<string, PickupInfo>(ids.map((id) => [id, { people: [], leavesAlone: false }]));
  const today = parisDay(at);
  for (const row of rows) {
    if (!row.childFile) continue;
    const content = contentOf(row.childFile);
    const alone = content.authorisations["depart-seul"];
    const age = row.birthDate ? ageOn(row.birthDate.toISOString().slice(0, 10), today) : null;
    const leavesAlone = Boolean(alone?.granted) && (alone?.fromAge == null || (age !== null && age >= alone.fromAge));
    info.set(row.id, { people: content.pickup.map(({ name, phone, relationship }) => ({ name, phone, relationship })), leavesAlone });
  }
  return info;
}
