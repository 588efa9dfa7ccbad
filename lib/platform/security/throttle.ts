import "server-only";
import { db } from "@/lib/platform/db";

/**
 * Attempt throttling, stored in the database so it holds across several server processes.
 *
 * Counting and recording are one step: `claimAttempt` takes a transaction-scoped advisory lock on the
 * identifier (when the scope limits it) and on the address, counts the failures of the window, and records
 * the attempt as a failure before the caller checks anything. N simultaneous attempts are therefore
 * serialised by the lock and never check more than the limit; a check that passes then marks its attempt
 * as a success (`succeed`), which resets the count of that identifier from that address.
 *
 * Limits, per scope:
 * - per identifier AND address (`perPair`): an attacker who guesses a colleague's identifier locks out only
 *   their own address, never the colleague's;
 * - per address (`perAddress`): one address cannot try many identifiers;
 * - per identifier from every address (`perIdentifier`), only where the caller has already proved something
 *   (the TOTP step comes after the password; closing an account needs a session).
 */
export interface ThrottlePolicy {
  windowMs: number;
  perPair: number;
  perAddress: number;
  perIdentifier?: number;
}

const QUARTER_HOUR = 15 * 60 * 1000;

export const THROTTLE_POLICIES = {
  parent: { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 30 },
  staff: { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 30 },
  "staff-totp": { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 30, perIdentifier: 5 },
  "child-key": { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 5 },
  "account-closure": { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 30, perIdentifier: 5 },
  "activation-link": { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 30 },
  "password-reset": { windowMs: QUARTER_HOUR, perPair: 5, perAddress: 30 },
  /** Costly work before any sign-in: every submission counts (argon2 hash, image decoding). */
  "signup-password": { windowMs: QUARTER_HOUR, perPair: 20, perAddress: 20 },
  "signup-photo": { windowMs: QUARTER_HOUR, perPair: 20, perAddress: 20 },
} as const satisfies Record<string, ThrottlePolicy>;

export type ThrottleScope = keyof typeof THROTTLE_POLICIES;

export type ClaimedAttempt = {
  throttled: false;
  /** Failures of this identifier from this address in the window, before this attempt. */
  previousFailures: number;
  /** This attempt, if it fails, is the one that reaches the limit of its identifier from this address. */
  reachesLimit: boolean;
  /** Marks the attempt as a success (the check passed): the count of this identifier from this address restarts. */
  succeed(): Promise<void>;
};
export type ThrottleVerdict = ClaimedAttempt | { throttled: true };

function lockKey(kind: string, scope: string, value: string) {
  return `throttle:${kind}:${scope}:${value}`;
}

/** Counts the failures of the window and records this attempt as one, atomically; or says it is throttled. */
export async function claimAttempt(scope: ThrottleScope, rawIdentifier: string, ipAddress: string): Promise<ThrottleVerdict> {
  const policy: ThrottlePolicy = THROTTLE_POLICIES[scope];
  const identifier = rawIdentifier.slice(0, 254);
  const result = await db().$transaction(async (tx) => {
    // Always identifier before address: two transactions never wait on each other in a cycle.
    if (policy.perIdentifier) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey("id", scope, identifier)}, 0))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey("ip", scope, ipAddress)}, 0))`;
    const since = new Date(Date.now() - policy.windowMs);
    const lastSuccess = await tx.loginAttempt.findFirst({
      where: { scope, identifier, ipAddress, succeeded: true, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    const [pair, address, everywhere] = await Promise.all([
      tx.loginAttempt.count({
        where: { scope, identifier, ipAddress, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? since } },
      }),
      tx.loginAttempt.count({ where: { scope, ipAddress, succeeded: false, createdAt: { gt: since } } }),
      policy.perIdentifier ? tx.loginAttempt.count({ where: { scope, identifier, succeeded: false, createdAt: { gt: since } } }) : 0,
    ]);
    if (
      pair >= policy.perPair ||
      address >= policy.perAddress ||
      (policy.perIdentifier !== undefined && everywhere >= policy.perIdentifier)
    ) {
      return null;
    }
    const row = await tx.loginAttempt.create({ data: { scope, identifier, ipAddress, succeeded: false }, select: { id: true } });
    return { id: row.id, pair };
  });
  if (!result) return { throttled: true };
  return {
    throttled: false,
    previousFailures: result.pair,
    reachesLimit: result.pair + 1 === policy.perPair,
    async succeed() {
      await db().loginAttempt.update({ where: { id: result.id }, data: { succeeded: true } });
    },
  };
}
