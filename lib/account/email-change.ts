import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { sendMail } from "@/lib/platform/mail";
import { emailChangeMail } from "@/lib/platform/mail/templates";
import { town } from "@/lib/platform/town";
import { consumeToken, issueToken, TOKEN_LIFETIME_MS } from "./tokens";

/**
 * An address the parent typed but nobody has verified (an account created with FranceConnect whose
 * email was changed): a single-use link is mailed to it, and the account uses it once it is followed.
 */
export async function sendEmailVerificationLink(accountId: string, email: string): Promise<void> {
  const account = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { civility: true, usageName: true, firstNames: true },
  });
  const token = await issueToken(accountId, "EMAIL_CHANGE", email);
  const link = `${env().APP_URL}/confirmer-mon-courriel?jeton=${token}`;
  const content = emailChangeMail({ ...account, link, validHours: TOKEN_LIFETIME_MS.EMAIL_CHANGE / 3_600_000 }, town());
  await sendMail({ to: email, ...content, tag: "email-change" });
}

export type EmailConfirmation = { status: "confirmed"; email: string } | { status: "expired" } | { status: "invalid" };

export async function confirmEmailChange(token: string): Promise<EmailConfirmation> {
  const result = await consumeToken(token, "EMAIL_CHANGE");
  if (result.status === "expired") return { status: "expired" };
  if (result.status !== "ok" || !result.email) return { status: "invalid" };
  const now = new Date();
  await db().account.update({ where: { id: result.accountId }, data: { email: result.email, emailVerifiedAt: now } });
  await audit({
    actorType: "ACCOUNT",
    actorId: result.accountId,
    action: "account.email_verified",
    targetType: "Account",
    targetId: result.accountId,
  });
  return { status: "confirmed", email: result.email };
}
