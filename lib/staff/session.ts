import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth, sessionExpired } from "@/lib/auth";
import { db } from "@/lib/platform/db";
import { roleAllows, type StaffRole } from "@/lib/platform/security/roles";
import { totpRequiredFor } from "@/lib/auth";
import type { StaffActor } from "@/lib/platform/security/authorize";

export interface StaffMember extends StaffActor {
  email: string;
  totpEnabled: boolean;
}

/**
 * The signed-in staff member, checked against the database on every request: a parent's session,
 * a deactivated account, a bumped session version (password reset, TOTP reset), a session older than
 * 8 hours, or a second factor now required but missing all count as "not signed in".
 */
export const currentStaff = cache(async (): Promise<StaffMember | null> => {
  const session = await auth();
  if (!session?.user?.id || session.user.kind !== "staff") return null;
  if (sessionExpired(session.user)) return null;
  const staff = await db().staffUser.findUnique({
    where: { id: session.user.id },
    select: { id: true, login: true, email: true, displayName: true, role: true, active: true, sessionVersion: true, totpEnabledAt: true },
  });
  if (!staff?.active || staff.sessionVersion !== session.user.sessionVersion) return null;
  if (!staff.totpEnabledAt && (await totpRequiredFor(staff.role))) return null;
  return {
    id: staff.id,
    login: staff.login,
    email: staff.email,
    displayName: staff.displayName,
    role: staff.role,
    totpEnabled: Boolean(staff.totpEnabledAt),
  };
});

/**
 * For every /admin page, action and route handler: the staff member, or a redirect to the staff sign-in
 * page (nobody signed in, or a parent); an agent on an administrators' page goes to "accès refusé".
 */
export async function requireStaff({ role = "AGENT" }: { role?: StaffRole } = {}): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) redirect("/admin/connexion");
  if (!roleAllows(staff.role, role)) redirect("/admin/acces-refuse");
  return staff;
}

/** The caller of back-office functions, from the session (see lib/platform/security/authorize.ts). */
export async function staffCaller(role: StaffRole = "AGENT") {
  const staff = await requireStaff({ role });
  return { kind: "staff" as const, id: staff.id };
}
