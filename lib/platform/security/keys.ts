import "server-only";
import { hkdfSync } from "node:crypto";
import { env } from "@/lib/platform/env";

/**
 * One secret (AUTH_SECRET), one key per purpose: HKDF-SHA-256 with the purpose as the "info" label,
 * so a key leaked or misused in one feature (signed cookies, proof-of-work challenges...) says
 * nothing about the others, and none of them equals the key Auth.js derives for its own cookies.
 */
const APP_SALT = "espace-famille";
const KEY_LENGTH = 32;

export function deriveKey(purpose: string): Buffer {
  const secret = env().AUTH_SECRET;
  if (!secret) {
    throw new Error("AUTH_SECRET n'est pas défini : lancez le portail avec `npm run dev`, qui en crée un, ou définissez-le.");
  }
  return deriveKeyFromSecret(secret, purpose);
}

/** The same derivation from an explicit secret, for scripts that run outside the server (the demo seed). */
export function deriveKeyFromSecret(secret: string, purpose: string): Buffer {
  if (!purpose) throw new Error("deriveKey: purpose must not be empty");
  return Buffer.from(hkdfSync("sha256", secret, APP_SALT, `espace-famille:${purpose}`, KEY_LENGTH));
}
