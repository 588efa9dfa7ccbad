import "server-only";
import { audit } from "@/lib/platform/audit";
import { clientIp } from "@/lib/platform/security/client-ip";
import { claimAttempt } from "@/lib/platform/security/throttle";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { sendMail } from "@/lib/platform/mail";
import { activationMail } from "@/lib/platform/mail/templates";
import { town } from "@/lib/platform/town";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";
import { consumeToken, issueToken, TOKEN_LIFETIME_MS } from "./tokens";

/** Mails a fresh activation link (valid 48 h; the previous links stop working). */
export async function sendActivationLink(accountId: string): Promise<void> {
  const account = await db().account.findUniqueOrThrow({ where: { id: accountId } });
  const token = await issueToken(account.id, "ACTIVATION");
  const link = `${env().APP_URL}/activation?jeton=${token}`;
  const content = activationMail(
    {
      civility: account.civility,
      usageName: account.usageName,
      firstNames: account.firstNames,
      login: account.login ?? "",
      link,
      validHours: TOKEN_LIFETIME_MS.ACTIVATION / 3_600_000,
    },
    town(),
  );
  await sendMail({ to: account.email, ...content, tag: "activation" });
}

type ActivatedAccount = { civility: "MONSIEUR" | "MADAME"; firstNames: string; usageName: string; login: string | null };
export type ActivationOutcome =
  | { status: "activated"; account: ActivatedAccount }
  | { status: "already-active"; account: ActivatedAccount }
  | { status: "expired" }
  | { status: "invalid" };

/**
 * Following the mailed link activates the account. A link already used on an active account shows
 * the same success page (mail scanners sometimes open links before the parent does).
 */
export async function activateAccount(token: string): Promise<ActivationOutcome> {
  const result = await consumeToken(token, "ACTIVATION");
  if (result.status === "invalid") return { status: "invalid" };
  const account = await db().account.findUnique({ where: { id: result.accountId } });
  if (!account) return { status: "invalid" };
  const summary = { civility: account.civility, firstNames: account.firstNames, usageName: account.usageName, login: account.login };
  if (result.status === "ok") {
    if (account.status === "PENDING_ACTIVATION") {
      const now = new Date();
      await db().account.update({ where: { id: account.id }, data: { status: "ACTIVE", activatedAt: now, emailVerifiedAt: now } });
      await audit({ actorType: "ACCOUNT", actorId: account.id, action: "account.activated", targetType: "Account", targetId: account.id });
      return { status: "activated", account: summary };
    }
    return account.status === "ACTIVE" ? { status: "already-active", account: summary } : { status: "invalid" };
  }
  if (account.status === "ACTIVE") return { status: "already-active", account: summary };
  return { status: result.status === "used" ? "invalid" : "expired" };
}

/**
 * "Recevoir un nouveau lien": by identifier or email. The answer never says whether an account
 * exists; requests are throttled so nobody can flood a mailbox.
 */
export async function requestNewActivationLink(identifier: string): Promise<void> {
  const normalized = String(identifier).trim().toLowerCase().slice(0, 254);
  // No identifier or address holds a control character: nothing to send (and PostgreSQL refuses NUL).
  if (!normalized || hasForbiddenCharacters(normalized)) return;
  const ip = await clientIp();
  if ((await claimAttempt("activation-link", normalized, ip)).throttled) return;
  const accounts = await db().account.findMany({
    where: { status: "PENDING_ACTIVATION", OR: [{ login: normalized }, { email: normalized }] },
    select: { id: true },
    take: 3,
  });
  for (const account of accounts) await sendActivationLink(account.id);
}
