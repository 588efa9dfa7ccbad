/** Staff roles: an administrator can do everything an agent can, and manage the portal. */
export type StaffRole = "AGENT" | "ADMINISTRATOR";

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  AGENT: "Agent",
  ADMINISTRATOR: "Administrateur",
};

export function roleAllows(actual: StaffRole, required: StaffRole): boolean {
  return required === "AGENT" || actual === "ADMINISTRATOR";
}

/** Staff sessions end after 8 hours (a working day), parents' after 12. */
export const STAFF_SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * Children's health data (RGPD art. 9) is read on a need-to-know basis, not by rank: an administrator grants
 * it to the agents whose work needs it (kitchen, animators' leads), and an administrator without the grant
 * is refused too. Checked by lib/child-file's staff functions.
 */
export function canReadHealthData(staff: { healthDataAccess: boolean }): boolean {
  return staff.healthDataAccess;
}
