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
