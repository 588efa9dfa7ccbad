import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db";
import type { TokenPurpose } from "@/lib/generated/prisma/client";

/**
 * Single-use tokens for the links we mail (activation, password reset, email change).
 * Only the SHA-256 of a token is stored; the token itself exists only in the mail.
 */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  ACTIVATION: 48 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
  EMAIL_CHANGE: 48 * 60 * 60 * 1000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Issues a new token and invalidates the unused ones of the same purpose. Returns the token to put in the link. */
export async function issueToken(accountId: string, purpose: TokenPurpose, email?: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db().$transaction([
    db().accountToken.updateMany({ where: { accountId, purpose, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } }),
    db().accountToken.create({
      data: { accountId, purpose, tokenHash: hashToken(token), email, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) },
    }),
  ]);
  return token;
}

export type ConsumedToken =
  | { status: "ok"; accountId: string; email: string | null }
  | { status: "used"; accountId: string }
  | { status: "expired"; accountId: string }
  | { status: "invalid" };

/**
 * Marks the token used, atomically: of two simultaneous clicks only one gets "ok".
 */
export async function consumeToken(token: string, purpose: TokenPurpose): Promise<ConsumedToken> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "invalid" };
  const tokenHash = hashToken(token);
  const now = new Date();
  const claimed = await db().accountToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = await db().accountToken.findUnique({ where: { tokenHash } });
  if (!row || row.purpose !== purpose) return { status: "invalid" };
  if (claimed.count === 1) return { status: "ok", accountId: row.accountId, email: row.email };
  if (row.usedAt) return { status: "used", accountId: row.accountId };
  return { status: "expired", accountId: row.accountId };
}

/** Checks a token without using it (to show the new-password form before it is submitted). */
export async function peekToken(token: string, purpose: TokenPurpose): Promise<"valid" | "used" | "expired" | "invalid"> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return "invalid";
  const row = await db().accountToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= new Date()) return "expired";
  return "valid";
}
