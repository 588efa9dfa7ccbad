import "server-only";
import { audit } from "@/lib/platform/audit";
import { clientIp } from "@/lib/platform/security/client-ip";
import { hashPassword } from "@/lib/platform/security/password";
import { claimAttempt } from "@/lib/platform/security/throttle";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { sendMail } from "@/lib/platform/mail";
import { passwordResetMail } from "@/lib/platform/mail/templates";
import { town } from "@/lib/platform/town";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";
import { consumeToken, issueToken, TOKEN_LIFETIME_MS } from "./tokens";

/**
 * "J'ai oublié mon mot de passe": by identifier or email, a single-use link valid 1 hour.
 * The answer is the same whether or not an account exists.
 */
export async function requestPasswordReset(identifier: string): Promise<void> {
  const normalized = String(identifier).trim().toLowerCase().slice(0, 254);
  // No identifier or address holds a control character: nothing to send (and PostgreSQL refuses NUL).
  if (!normalized || hasForbiddenCharacters(normalized)) return;
  const ip = await clientIp();
  if ((await claimAttempt("password-reset", normalized, ip)).throttled) return;
  const accounts = await db().account.findMany({
    where: {
      status: { in: ["ACTIVE", "PENDING_ACTIVATION"] },
      passwordHash: { not: null },
      OR: [{ login: normalized }, { email: normalized }],
    },
    take: 3,
  });
  for (const account of accounts) {
    const token = await issueToken(account.id, "PASSWORD_RESET");
    const content = passwordResetMail(
      {
        civility: account.civility,
        usageName: account.usageName,
        firstNames: account.firstNames,
        link: `${env().APP_URL}/mot-de-passe-oublie/nouveau?jeton=${token}`,
        validMinutes: TOKEN_LIFETIME_MS.PASSWORD_RESET / 60_000,
      },
      town(),
    );
    await sendMail({ to: account.email, ...content, tag: "password-reset" });
  }
}

/**
 * Sets the new password and ends every other session (the session version is bumped).
 * A reset also proves the email: an account still waiting for activation becomes active.
 */
export async function resetPassword(token: string, password: string): Promise<"ok" | "expired" | "used" | "invalid"> {
  const passwordHash = await hashPassword(password);
  const result = await consumeToken(token, "PASSWORD_RESET");
  if (result.status !== "ok") return result.status;
  const account = await db().account.findUnique({ where: { id: result.accountId } });
  if (!account || (account.status !== "ACTIVE" && account.status !== "PENDING_ACTIVATION")) return "invalid";
  const now = new Date();
  await db().account.update({
    where: { id: account.id },
    data: {
      passwordHash,
      sessionVersion: { increment: 1 },
      ...(account.status === "PENDING_ACTIVATION" ? { status: "ACTIVE", activatedAt: now, emailVerifiedAt: now } : {}),
    },
  });
  await audit({ actorType: "ACCOUNT", actorId: account.id, action: "account.password-reset", targetType: "Account", targetId: account.id });
  return "ok";
}
