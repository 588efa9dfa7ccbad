import "server-only";
import { audit } from "@/lib/platform/audit";
import { assertStorableText, ExpectedError } from "@/lib/platform/errors";
import { hashPassword } from "@/lib/platform/security/password";
import { db } from "@/lib/platform/db";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { generateInitialPassword } from "./passwords";
import type { StaffRole } from "@/lib/platform/security/roles";
import type { NewStaffInput } from "./schemas";
import { isUuid } from "@/lib/platform/validation/uuid";

/**
 * Staff account management, administrators only. Passwords are never chosen by the administrator:
 * a one-time password is generated, shown once, and must be replaced at the first sign-in.
 */

export async function listStaff(caller: Caller) {
  await authorizeStaff(caller, "ADMINISTRATOR");
  return db().staffUser.findMany({
    orderBy: [{ active: "desc" }, { displayName: "asc" }],
    select: {
      id: true,
      login: true,
      displayName: true,
      email: true,
      role: true,
      active: true,
      totpEnabledAt: true,
      lastLoginAt: true,
      passwordChangeRequired: true,
    },
  });
}

export async function getStaffForAdmin(caller: Caller, id: string) {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!isUuid(id)) return null;
  const staff = await db().staffUser.findUnique({
    where: { id },
    select: {
      id: true,
      login: true,
      displayName: true,
      email: true,
      role: true,
      active: true,
      totpEnabledAt: true,
      lastLoginAt: true,
      createdAt: true,
      passwordChangeRequired: true,
      healthDataAccess: true,
    },
  });
  if (staff) await audit({ ...staffAudit(actor), action: "staff_account.viewed", targetType: "StaffUser", targetId: id });
  return staff;
}

export async function createStaff(caller: Caller, input: NewStaffInput): Promise<{ id: string; password: string }> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  assertStorableText(input);
  if (await db().staffUser.findUnique({ where: { login: input.login }, select: { id: true } })) {
    throw new ExpectedError("Cet identifiant est déjà utilisé : choisissez-en un autre.", "login");
  }
  if (await db().staffUser.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new ExpectedError("Un compte agent utilise déjà ce courriel.", "email");
  }
  const password = generateInitialPassword();
  const created = await db().staffUser.create({
    data: { ...input, passwordHash: await hashPassword(password), passwordChangeRequired: true },
    select: { id: true },
  });
  await audit({
    ...staffAudit(actor),
    action: "staff_account.created",
    targetType: "StaffUser",
    targetId: created.id,
    details: { login: input.login, role: input.role },
  });
  return { id: created.id, password };
}

/** Nobody locks the portal out: the last active administrator keeps the role, and nobody changes their own. */
async function guardChange(actorId: string, id: string, change: "role" | "deactivate") {
  if (actorId === id)
    throw new ExpectedError(
      change === "role" ? "Vous ne pouvez pas changer votre propre rôle." : "Vous ne pouvez pas désactiver votre propre compte.",
    );
  const target = isUuid(id) ? await db().staffUser.findUnique({ where: { id }, select: { role: true, active: true } }) : null;
  if (!target) throw new ExpectedError("Ce compte n'existe plus.");
  if (target.role === "ADMINISTRATOR" && target.active) {
    const admins = await db().staffUser.count({ where: { role: "ADMINISTRATOR", active: true } });
    if (admins <= 1) throw new ExpectedError("Le portail doit garder au moins un administrateur actif.");
  }
  return target;
}

export async function changeStaffRole(caller: Caller, id: string, role: StaffRole): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  const target = await guardChange(actor.id, id, "role");
  if (target.role === role) return;
  // A new administrator must enrol a second factor: a new session version sends them through sign-in again.
  await db().staffUser.update({ where: { id }, data: { role, sessionVersion: { increment: 1 } } });
  await audit({
    ...staffAudit(actor),
    action: "staff_account.role_changed",
    targetType: "StaffUser",
    targetId: id,
    details: { from: target.role, to: role },
  });
}

export async function setStaffActive(caller: Caller, id: string, active: boolean): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!active) await guardChange(actor.id, id, "deactivate");
  else if (!isUuid(id) || !(await db().staffUser.findUnique({ where: { id }, select: { id: true } })))
    throw new ExpectedError("Ce compte n'existe plus.");
  await db().staffUser.update({ where: { id }, data: { active, sessionVersion: { increment: 1 } } });
  await audit({
    ...staffAudit(actor),
    action: active ? "staff_account.reactivated" : "staff_account.deactivated",
    targetType: "StaffUser",
    targetId: id,
  });
}

/** The children's health data access (need to know, granted one person at a time; audited). */
export async function setHealthDataAccess(caller: Caller, id: string, granted: boolean): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!isUuid(id) || !(await db().staffUser.findUnique({ where: { id }, select: { id: true } })))
    throw new ExpectedError("Ce compte n'existe plus.");
  await db().staffUser.update({ where: { id }, data: { healthDataAccess: granted } });
  await audit({
    ...staffAudit(actor),
    action: granted ? "staff_account.health_access_granted" : "staff_account.health_access_revoked",
    targetType: "StaffUser",
    targetId: id,
  });
}

export async function resetStaffPassword(caller: Caller, id: string): Promise<string> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!isUuid(id) || !(await db().staffUser.findUnique({ where: { id }, select: { id: true } })))
    throw new ExpectedError("Ce compte n'existe plus.");
  const password = generateInitialPassword();
  await db().staffUser.update({
    where: { id },
    data: { passwordHash: await hashPassword(password), passwordChangeRequired: true, sessionVersion: { increment: 1 } },
  });
  await audit({ ...staffAudit(actor), action: "staff_account.password_reset", targetType: "StaffUser", targetId: id });
  return password;
}

/** A lost phone: the second factor is removed; the next sign-in enrols a new app (when the role requires one). */
export async function resetStaffTotp(caller: Caller, id: string): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!isUuid(id) || !(await db().staffUser.findUnique({ where: { id }, select: { id: true } })))
    throw new ExpectedError("Ce compte n'existe plus.");
  await db().staffUser.update({
    where: { id },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
  });
  await audit({ ...staffAudit(actor), action: "staff_account.totp_reset", targetType: "StaffUser", targetId: id });
}

/** "Mon compte": any staff member changes their own password (current one required); other sessions end. */
export async function changeOwnPassword(
  caller: Caller,
  current: string,
  next: string,
  verify: (hash: string, password: string) => Promise<boolean>,
): Promise<void> {
  const actor = await authorizeStaff(caller);
  const staff = await db().staffUser.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verify(staff.passwordHash, current))) throw new ExpectedError("Le mot de passe actuel est incorrect.", "currentPassword");
  await db().staffUser.update({
    where: { id: actor.id },
    data: { passwordHash: await hashPassword(next), passwordChangeRequired: false, sessionVersion: { increment: 1 } },
  });
  await audit({ ...staffAudit(actor), action: "staff.password_changed", targetType: "StaffUser", targetId: actor.id });
}
