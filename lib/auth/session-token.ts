import "server-only";
import type { JWT } from "next-auth/jwt";
import { cache } from "react";
import { db } from "@/lib/platform/db";
import { STAFF_SESSION_MAX_AGE_SECONDS } from "@/lib/platform/security/roles";

/**
 * Server-side control of the JWT sessions. A session is good while
 * - it is younger than its hard maximum (12 hours for a parent, 8 for staff) counted from the sign-in, whatever
 *   the refreshes in between, and
 * - its session version is still the account's: signing out, a password change or a closed account bumps it,
 *   which ends every session of the account, the copied cookies included.
 */
export const PARENT_SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function sessionMaxAgeSeconds(kind: "parent" | "staff" | undefined): number {
  return kind === "staff" ? STAFF_SESSION_MAX_AGE_SECONDS : PARENT_SESSION_MAX_AGE_SECONDS;
}

/** A session without its sign-in time (issued before it was recorded) counts as expired. */
export function sessionExpired(session: { kind?: "parent" | "staff"; authAt?: number }, nowMs = Date.now()): boolean {
  return (session.authAt ?? 0) + sessionMaxAgeSeconds(session.kind) <= nowMs / 1000;
}

/** The account behind the token still exists, is open, and has not ended its sessions since. */
export async function sessionStillOpen(token: Pick<JWT, "sub" | "kind" | "sv">): Promise<boolean> {
  if (!token.sub || typeof token.sv !== "number") return false;
  if (token.kind === "staff") {
    const staff = await db().staffUser.findUnique({ where: { id: token.sub }, select: { active: true, sessionVersion: true } });
    return Boolean(staff?.active) && staff?.sessionVersion === token.sv;
  }
  const account = await sessionAccount(token.sub);
  return account?.status === "ACTIVE" && account.sessionVersion === token.sv;
}

/**
 * The parent's account as the session check and lib/auth/session.ts both need it: one read per request (React
 * cache; outside a request, such as Auth.js's own routes, each call reads).
 */
export const sessionAccount = cache((id: string) =>
  db().account.findUnique({
    where: { id },
    select: {
      id: true,
      login: true,
      email: true,
      civility: true,
      usageName: true,
      firstNames: true,
      familyId: true,
      status: true,
      sessionVersion: true,
    },
  }),
);

/**
 * Signing out: the account's session version moves on, so this session's cookie (and any copy of it) opens
 * nothing any more. Only when the token is still current, so that signing out with an old cookie does not end
 * a newer session.
 */
export async function endSessions(token: Pick<JWT, "sub" | "kind" | "sv"> | null | undefined): Promise<void> {
  if (!token?.sub || typeof token.sv !== "number" || !/^[0-9a-f-]{36}$/i.test(token.sub)) return;
  const where = { id: token.sub, sessionVersion: token.sv };
  const data = { sessionVersion: { increment: 1 } };
  if (token.kind === "staff") await db().staffUser.updateMany({ where, data });
  else await db().account.updateMany({ where, data });
}
