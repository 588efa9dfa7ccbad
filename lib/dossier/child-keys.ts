import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db";
import { childKeyFromRandom, normalizeChildKey } from "./child-key";

/** Keys are stored as SHA-256 of their canonical form: a database leak does not reveal them. */
export const hashChildKey = (canonical: string) => createHash("sha256").update(`child-key:${canonical}`).digest("hex");

export async function findActiveChildKey(input: string) {
  const canonical = normalizeChildKey(input);
  if (!canonical) return null;
  return db().childKey.findFirst({
    where: { keyHash: hashChildKey(canonical), revokedAt: null },
    select: { id: true, familyId: true },
  });
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
