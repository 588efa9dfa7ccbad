import "server-only";
import { db } from "@/lib/platform/db";
import { wasClosed } from "./closed-login";
import { clientIp } from "@/lib/platform/security/client-ip";
import { burnPasswordCheck, verifyPassword } from "@/lib/platform/security/password";
import { claimAttempt } from "@/lib/platform/security/throttle";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";

export type ParentSignInFailure = "invalid" | "not_activated" | "throttled" | "closed" | "closed_by_parent";

export type ParentSignInResult = { ok: true; account: { id: string; sessionVersion: number } } | { ok: false; reason: ParentSignInFailure };

/**
 * Identifier and password of a parent. Wrong identifier and wrong password look the same (same
 * message, same cost); a correct password on an account not yet activated says so.
 */
export async function verifyParentCredentials(rawLogin: string, password: string): Promise<ParentSignInResult> {
  const login = String(rawLogin).trim().toLowerCase().slice(0, 100);
  const ip = await clientIp();
  // No identifier holds a control character: such a login matches nobody (and PostgreSQL refuses NUL).
  if (!login || !password || typeof password !== "string" || hasForbiddenCharacters(login)) return { ok: false, reason: "invalid" };
  // Counted and recorded before the password is checked, in one step: simultaneous attempts cannot pass the limit.
  const attempt = await claimAttempt("parent", login, ip);
  if (attempt.throttled) return { ok: false, reason: "throttled" };

  const account = await db().account.findUnique({
    where: { login },
    select: { id: true, passwordHash: true, status: true, sessionVersion: true },
  });
  const valid = account?.passwordHash
    ? await verifyPassword(account.passwordHash, password.slice(0, 128))
    : (await burnPasswordCheck(password.slice(0, 128)), false);
  if (valid) await attempt.succeed();
  // The identifier of an account its parent closed is free again; until the purge forgets it, say it was closed.
  if (!account && (await wasClosed(login))) return { ok: false, reason: "closed_by_parent" };
  if (!account || !valid) return { ok: false, reason: "invalid" };
  if (account.status === "PENDING_ACTIVATION") return { ok: false, reason: "not_activated" };
  if (account.status !== "ACTIVE") return { ok: false, reason: "closed" };
  await db().account.update({ where: { id: account.id }, data: { lastLoginAt: new Date() } });
  return { ok: true, account: { id: account.id, sessionVersion: account.sessionVersion } };
}
