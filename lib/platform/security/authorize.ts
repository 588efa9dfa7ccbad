import "server-only";
import { db } from "@/lib/platform/db";
import { roleAllows, type StaffRole } from "./roles";
import { ForbiddenError } from "@/lib/platform/errors";

/**
 * Who calls a back-office function. Server actions pass the signed-in staff member; tests pass
 * anyone, including a parent or nobody, to prove the function refuses them by itself.
 */
export type Caller = { kind: "staff"; id: string } | { kind: "parent"; id: string } | null;

export interface StaffActor {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
}

/** Refusal of a back-office function: not staff, deactivated, or not the role the function needs. */
export { ForbiddenError };

/**
 * The last of the three locks on /admin (proxy, layout, then this): every back-office function
 * starts here, reading the caller's account and role from the database, never from the caller.
 */
export async function authorizeStaff(caller: Caller, role: StaffRole = "AGENT"): Promise<StaffActor> {
  if (!caller || caller.kind !== "staff" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(caller.id)))
    throw new ForbiddenError();
  const staff = await db().staffUser.findUnique({
    where: { id: caller.id },
    select: { id: true, login: true, displayName: true, role: true, active: true },
  });
  if (!staff?.active) throw new ForbiddenError();
  if (!roleAllows(staff.role, role)) throw new ForbiddenError("Cette action est réservée aux administrateurs.");
  return { id: staff.id, login: staff.login, displayName: staff.displayName, role: staff.role };
}

/** The audit entry's "who" for a staff actor. */
export function staffAudit(actor: StaffActor) {
  return { actorType: "STAFF" as const, actorId: actor.id };
}
