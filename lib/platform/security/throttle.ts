import "server-only";
import { db } from "@/lib/platform/db";

/**
 * Sign-in throttling, stored in the database so it holds across several server processes.
 * After too many failures in the window, further attempts are refused without checking the password.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerIdentifier: 5,
  maxFailuresPerAddress: 30,
} as const;

export async function isThrottled(scope: string, identifier: string, ipAddress: string): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE.windowMs);
  const lastSuccess = await db().loginAttempt.findFirst({
    where: { scope, identifier, succeeded: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const from = lastSuccess?.createdAt ?? since;
  const [byIdentifier, byAddress] = await Promise.all([
    db().loginAttempt.count({ where: { scope, identifier, succeeded: false, createdAt: { gt: from } } }),
    db().loginAttempt.count({ where: { scope, ipAddress, succeeded: false, createdAt: { gt: since } } }),
  ]);
  return byIdentifier >= THROTTLE.maxFailuresPerIdentifier || byAddress >= THROTTLE.maxFailuresPerAddress;
}

export async function recordAttempt(scope: string, identifier: string, ipAddress: string, succeeded: boolean): Promise<void> {
  await db().loginAttempt.create({ data: { scope, identifier, ipAddress, succeeded } });
}
