import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Accounts and FranceConnect identities. An identity is found by FranceConnect's pairwise `sub`, never by
 * email: FranceConnect's email is not verified and may change with the identity provider the person picks.
 * Only parents' accounts (Account) hold identities: staff never sign in through FranceConnect.
 */

export async function findLinkedAccount(sub: string) {
  const identity = await db().franceConnectIdentity.findUnique({
    where: { sub },
    select: { id: true, account: { select: { id: true, status: true, sessionVersion: true } } },
  });
  return identity ? { identityId: identity.id, ...identity.account } : null;
}

export async function recordFranceConnectLogin(identityId: string, accountId: string): Promise<void> {
  const now = new Date();
  await db().$transaction([
    db().franceConnectIdentity.update({ where: { id: identityId }, data: { lastLoginAt: now } }),
    db().account.update({ where: { id: accountId }, data: { lastLoginAt: now } }),
  ]);
  await audit({
    actorType: "ACCOUNT",
    actorId: accountId,
    action: "account.signed_in",
    targetType: "Account",
    targetId: accountId,
    details: { method: "franceconnect" },
  });
}

export type LinkOutcome = "linked" | "already-linked" | "taken";

/** Links a FranceConnect identity to an account, unless another account holds it. */
export async function linkFranceConnectIdentity(sub: string, accountId: string): Promise<LinkOutcome> {
  const existing = await db().franceConnectIdentity.findUnique({ where: { sub }, select: { accountId: true } });
  if (existing) return existing.accountId === accountId ? "already-linked" : "taken";
  try {
    await db().franceConnectIdentity.create({ data: { sub, accountId, lastLoginAt: new Date() } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "taken";
    throw error;
  }
  await audit({ actorType: "ACCOUNT", actorId: accountId, action: "franceconnect.linked", targetType: "Account", targetId: accountId });
  return "linked";
}

export interface FranceConnectStatus {
  linkedAt: Date | null;
  lastLoginAt: Date | null;
  /** The account can also sign in with an identifier and a password. */
  hasPassword: boolean;
}

export async function franceConnectStatus(accountId: string): Promise<FranceConnectStatus> {
  const account = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      login: true,
      passwordHash: true,
      franceConnectIdentities: { select: { linkedAt: true, lastLoginAt: true }, orderBy: { linkedAt: "asc" } },
    },
  });
  const first = account.franceConnectIdentities[0];
  return {
    linkedAt: first?.linkedAt ?? null,
    lastLoginAt: first?.lastLoginAt ?? null,
    hasPassword: Boolean(account.login && account.passwordHash),
  };
}

export type UnlinkOutcome = "unlinked" | "not-linked" | "no-password";

/** Unlinks FranceConnect, only while the parent can still sign in with an identifier and a password. */
export async function unlinkFranceConnect(accountId: string): Promise<UnlinkOutcome> {
  const status = await franceConnectStatus(accountId);
  if (!status.linkedAt) return "not-linked";
  if (!status.hasPassword) return "no-password";
  await db().franceConnectIdentity.deleteMany({ where: { accountId } });
  await audit({ actorType: "ACCOUNT", actorId: accountId, action: "franceconnect.unlinked", targetType: "Account", targetId: accountId });
  return "unlinked";
}
