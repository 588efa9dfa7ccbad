import "server-only";
import {
  authorizeHealthReader,
  healthFlags,
  missingPrerequisites,
  pickupInfo,
  type HealthFlags,
  type PickupInfo,
  type Prerequisite,
} from "@/lib/child-file";
import type { Caller } from "@/lib/platform/security/authorize";

/**
 * What reservations reads of the child's file (lib/child-file): the prerequisites of an enrolment, and for the
 * attendance lists the people allowed to pick up and, for agents entitled to health data, PAI, allergies and diet.
 */
export type { HealthFlags, PickupInfo, Prerequisite };
export { missingPrerequisites, pickupInfo };

/** Health flags of these children, or null when this agent may not read health data (RGPD art. 9). */
export async function healthFlagsFor(caller: Caller, childIds: string[]): Promise<Map<string, HealthFlags> | null> {
  const entitled = await authorizeHealthReader(caller).then(
    () => true,
    () => false,
  );
  return entitled ? healthFlags(childIds) : null;
}
