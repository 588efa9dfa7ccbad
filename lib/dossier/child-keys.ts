import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/platform/mail/queue";
import { familyAccountLinkedMail } from "@/lib/platform/mail/templates";
import { town as townConfig } from "@/lib/platform/town";
import { childKeyFromRandom, normalizeChildKey } from "./child-key";

/** Keys are stored as SHA-256 of their canonical form: a database leak does not reveal them. */
export const hashChildKey = (canonical: string) => createHash("sha256").update(`child-key:${canonical}`).digest("hex");

/** A key not revoked and not used yet: each key links one account (a second parent gets a key of their own). */
export async function findActiveChildKey(input: string) {
  const canonical = normalizeChildKey(input);
  if (!canonical) return null;
  return db().childKey.findFirst({
    where: { keyHash: hashChildKey(canonical), revokedAt: null, usedAt: null },
    select: { id: true, familyId: true },
  });
}

/** A key that exists but already linked an account: the second parent is told to ask for their own. */
export async function childKeyWasUsed(input: string): Promise<boolean> {
  const canonical = normalizeChildKey(input);
  if (!canonical) return false;
  return (await db().childKey.count({ where: { keyHash: hashChildKey(canonical), revokedAt: null, usedAt: { not: null } } })) > 0;
}

export const CHILD_KEY_USED_MESSAGE =
  "Cette clé enfance a déjà été utilisée. Chaque parent reçoit sa propre clé : demandez la vôtre au service Enfance.";

export class ChildKeyAlreadyUsedError extends Error {}

/**
 * Uses the key for this account, in the caller's transaction: a conditional update, so two accounts racing
 * with the same key cannot both get it (the loser's transaction is rolled back by ChildKeyAlreadyUsedError).
 * The holders already linked to the dossier are told by mail, queued in the same transaction.
 */
export async function useChildKey(
  tx: Prisma.TransactionClient,
  key: { id: string; familyId: string },
  account: { id: string; civility: "MONSIEUR" | "MADAME"; firstNames: string; usageName: string },
) {
  const { count } = await tx.childKey.updateMany({
    where: { id: key.id, usedAt: null, revokedAt: null },
    data: { usedAt: new Date(), usedByAccountId: account.id },
  });
  if (count !== 1) throw new ChildKeyAlreadyUsedError();
  const [family, holders] = await Promise.all([
    tx.family.findUniqueOrThrow({ where: { id: key.familyId }, select: { dossierNumber: true } }),
    tx.account.findMany({
      where: { familyId: key.familyId, id: { not: account.id }, status: "ACTIVE" },
      select: { email: true, civility: true, firstNames: true, usageName: true },
    }),
  ]);
  const town = townConfig();
  const linkedName = `${account.firstNames} ${account.usageName.toUpperCase()}`;
  for (const holder of holders) {
    const mail = familyAccountLinkedMail({ ...holder, dossierNumber: family.dossierNumber, linkedName }, town);
    await queueMail(tx, { to: holder.email, ...mail, tag: "family-account-linked" });
  }
  return holders.length;
}

/** A new key for a family: returns the key to show once and print; only its hash is kept. */
export async function issueChildKey(familyId: string, issuedById: string | null): Promise<string> {
  const canonical = childKeyFromRandom(randomBytes(16));
  await db().$transaction([
    db().childKey.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } }),
    db().childKey.create({ data: { familyId, keyHash: hashChildKey(canonical), hint: canonical.slice(-4), issuedById } }),
  ]);
  return canonical;
}
