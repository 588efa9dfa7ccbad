import "server-only";
import { cookies } from "next/headers";
import { audit } from "@/lib/platform/audit";
import { clientIp } from "@/lib/platform/security/client-ip";
import { burnPasswordCheck, verifyPassword } from "@/lib/platform/security/password";
import { claimAttempt, type ClaimedAttempt } from "@/lib/platform/security/throttle";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { signValue, verifySignedValue } from "@/lib/platform/security/signed-value";
import { agentsNeedTotp } from "@/lib/platform/town/settings";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";
import type { StaffRole } from "@/lib/platform/security/roles";
import { matchTotp, newTotpSecret } from "./totp";
import { openTotpSecret, sealTotpSecret } from "./totp-secret";

/**
 * Staff sign-in in steps, each on its own page under /admin/connexion:
 *   1. identifier + password -> a short-lived signed cookie says "password checked" (no session yet);
 *   2. a new password, when the account has a one-time initial password;
 *   3. the TOTP code, or the enrolment of an authenticator app when the role requires one;
 *   4. Auth.js opens the staff session (provider "staff", lib/staff/auth-provider.ts).
 */
export type StaffSignInFailure = "invalid" | "throttled" | "code" | "expired" | "replayed";
export type StaffSignInStep = "nouveau-mot-de-passe" | "double-authentification" | "code" | "session";

const PENDING_COOKIE = "ef_agent_connexion";
const PENDING_PURPOSE = "staff-sign-in";
const PENDING_TTL_MS = 10 * 60 * 1000;
const TOTP_SCOPE = "staff-totp" as const;

const staffSelect = {
  id: true,
  login: true,
  role: true,
  active: true,
  sessionVersion: true,
  passwordChangeRequired: true,
  totpSecret: true,
  totpEnabledAt: true,
} as const;

export async function totpRequiredFor(role: StaffRole): Promise<boolean> {
  return role === "ADMINISTRATOR" || (await agentsNeedTotp());
}

export async function verifyStaffPassword(
  rawLogin: string,
  password: string,
): Promise<{ ok: true; challenge: string } | { ok: false; reason: "invalid" | "throttled" }> {
  const login = String(rawLogin).trim().toLowerCase().slice(0, 100);
  const ip = await clientIp();
  // No identifier holds a control character: such a login matches nobody (and PostgreSQL refuses NUL).
  if (!login || !password || typeof password !== "string" || hasForbiddenCharacters(login)) return { ok: false, reason: "invalid" };
  // Counted and recorded before the password is checked, in one step: simultaneous attempts cannot pass the limit.
  // The lock is per identifier AND address: guessing a colleague's login never locks the colleague out.
  const attempt = await claimAttempt("staff", login, ip);
  if (attempt.throttled) return { ok: false, reason: "throttled" };
  const staff = await db().staffUser.findUnique({
    where: { login },
    select: { id: true, passwordHash: true, active: true, sessionVersion: true },
  });
  const valid = staff
    ? await verifyPassword(staff.passwordHash, password.slice(0, 128))
    : (await burnPasswordCheck(password.slice(0, 128)), false);
  if (staff && valid && staff.active) await attempt.succeed();
  else {
    await auditAnonymousFailure(attempt, { targetId: staff?.id, login, step: "password" });
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, challenge: await setPending(staff.id, staff.sessionVersion) };
}

/**
 * What an anonymous caller can write to the audit log is bounded: of the failures of one identifier from one
 * address in a window, only the first one and the one that locks it are recorded (with the count); the refused
 * attempts after the lock write nothing. So one address writes at most two rows per identifier and quarter
 * hour, and the per-address limit bounds the identifiers it can try.
 */
async function auditAnonymousFailure(
  attempt: ClaimedAttempt,
  details: { targetId?: string; login: string; step: "password" | "totp"; reason?: string },
) {
  if (attempt.previousFailures !== 0 && !attempt.reachesLimit) return;
  const { targetId, ...rest } = details;
  await audit({
    actorType: "ANONYMOUS",
    action: attempt.reachesLimit ? "staff.sign_in_throttled" : "staff.sign_in_failed",
    targetType: targetId ? "StaffUser" : undefined,
    targetId,
    details: { ...rest, failures: attempt.previousFailures + 1 },
  });
}

async function setPending(staffId: string, sessionVersion: number) {
  const value = signValue(PENDING_PURPOSE, `${staffId}.${sessionVersion}.${Date.now() + PENDING_TTL_MS}`);
  (await cookies()).set(PENDING_COOKIE, value, {
    httpOnly: true,
    sameSite: "strict",
    secure: env().APP_URL.startsWith("https://"),
    path: "/admin",
    maxAge: PENDING_TTL_MS / 1000,
  });
  return value;
}

export async function clearPending() {
  (await cookies()).delete({ name: PENDING_COOKIE, path: "/admin" });
}

export async function pendingChallenge(): Promise<string> {
  return (await cookies()).get(PENDING_COOKIE)?.value ?? "";
}

/** The staff member whose password was checked a moment ago, or null (no cookie, expired, forged, stale). */
export async function readPending(challenge?: string) {
  const value = verifySignedValue(PENDING_PURPOSE, challenge ?? (await pendingChallenge()));
  const [staffId, version, expires] = value?.split(".") ?? [];
  if (!staffId || !/^[0-9a-f-]{36}$/.test(staffId) || !(Number(expires) > Date.now())) return null;
  const staff = await db().staffUser.findUnique({ where: { id: staffId }, select: staffSelect });
  if (!staff?.active || String(staff.sessionVersion) !== version) return null;
  return staff;
}

type PendingStaff = NonNullable<Awaited<ReturnType<typeof readPending>>>;

export async function nextSignInStep(staff: PendingStaff): Promise<StaffSignInStep> {
  if (staff.passwordChangeRequired) return "nouveau-mot-de-passe";
  if (staff.totpEnabledAt) return "code";
  return (await totpRequiredFor(staff.role)) ? "double-authentification" : "session";
}

/** Step 2: the new password replaces the initial one; other sessions end. */
export async function replaceInitialPassword(staff: PendingStaff, passwordHash: string): Promise<string> {
  const updated = await db().staffUser.update({
    where: { id: staff.id },
    data: { passwordHash, passwordChangeRequired: false, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "staff.password_changed",
    targetType: "StaffUser",
    targetId: staff.id,
    details: { initial: true },
  });
  return setPending(staff.id, updated.sessionVersion);
}

/** The secret being enrolled: kept (sealed) until a first code proves the app has it; a reload shows the same one. */
export async function enrolmentSecret(staff: PendingStaff): Promise<string> {
  const existing = staff.totpEnabledAt ? null : openTotpSecret(staff.totpSecret);
  if (existing) return existing;
  const secret = newTotpSecret();
  await db().staffUser.update({
    where: { id: staff.id },
    data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: null, totpLastStep: null },
  });
  return secret;
}

/**
 * Checks a code against the staff member's secret and records its time step in the same statement,
 * so the same code (or an older one) is refused afterwards, even by two requests racing.
 */
export async function acceptTotpCode(
  staff: { id: string; totpSecret: string | null; totpEnabledAt: Date | null },
  code: string,
): Promise<"ok" | "code" | "replayed"> {
  const secret = openTotpSecret(staff.totpSecret);
  const step = secret ? matchTotp(secret, code) : null;
  if (step === null) return "code";
  const { count } = await db().staffUser.updateMany({
    where: { id: staff.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step, ...(staff.totpEnabledAt ? {} : { totpEnabledAt: new Date() }) },
  });
  return count === 1 ? "ok" : "replayed";
}

/** Step 3-4, called by the Auth.js "staff" provider: the session opens only when this says so. */
export async function completeStaffSignIn(
  challenge: string,
  code: string,
): Promise<{ ok: true; staff: { id: string; role: StaffRole; sessionVersion: number } } | { ok: false; reason: StaffSignInFailure }> {
  const staff = await readPending(challenge);
  if (!staff) return { ok: false, reason: "expired" };
  const step = await nextSignInStep(staff);
  if (step === "nouveau-mot-de-passe") return { ok: false, reason: "expired" };
  const enrolling = !staff.totpEnabledAt && Boolean(staff.totpSecret) && step === "double-authentification";
  if (step === "code" || enrolling) {
    const ip = await clientIp();
    const attempt = await claimAttempt(TOTP_SCOPE, staff.login, ip);
    if (attempt.throttled) return { ok: false, reason: "throttled" };
    const verdict = await acceptTotpCode(staff, code);
    if (verdict !== "ok") {
      await auditAnonymousFailure(attempt, { targetId: staff.id, login: staff.login, step: "totp", reason: verdict });
      return { ok: false, reason: verdict };
    }
    await attempt.succeed();
    if (enrolling)
      await audit({ actorType: "STAFF", actorId: staff.id, action: "staff.totp_enabled", targetType: "StaffUser", targetId: staff.id });
  } else if (step !== "session") {
    return { ok: false, reason: "expired" };
  }
  await db().staffUser.update({ where: { id: staff.id }, data: { lastLoginAt: new Date() } });
  await audit({
    actorType: "STAFF",
    actorId: staff.id,
    action: "staff.signed_in",
    targetType: "StaffUser",
    targetId: staff.id,
    details: { totp: step !== "session" },
  });
  return { ok: true, staff: { id: staff.id, role: staff.role, sessionVersion: staff.sessionVersion } };
}
