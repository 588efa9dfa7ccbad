import "server-only";
import { deriveKey } from "@/lib/platform/security/keys";
import { seal, unseal } from "@/lib/platform/security/sealed";

/** The key purpose of staff TOTP secrets; prisma/seed.ts derives the same key for the demo accounts. */
export const TOTP_SECRET_KEY_PURPOSE = "staff-totp-secret";

export function sealTotpSecret(secretBase32: string): string {
  return seal(deriveKey(TOTP_SECRET_KEY_PURPOSE), secretBase32);
}

export function openTotpSecret(sealed: string | null): string | null {
  return sealed ? unseal(deriveKey(TOTP_SECRET_KEY_PURPOSE), sealed) : null;
}
