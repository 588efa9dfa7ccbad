import { Secret, TOTP } from "otpauth";

/**
 * The second factor of staff accounts: TOTP (RFC 6238) as every authenticator app speaks it,
 * SHA-1, 6 digits, 30 s, and one step of tolerance either side for a phone whose clock drifts.
 * Pure functions: the caller stores the secret (encrypted) and the last accepted step (replay guard).
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;

function totp(secretBase32: string, label = "agent"): TOTP {
  return new TOTP({
    issuer: "Espace Famille",
    label,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, as RFC 4226 recommends), in base 32 for the authenticator app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secretBase32: string, { issuer, label }: { issuer: string; label: string }): string {
  const value = totp(secretBase32, label);
  value.issuer = issuer;
  return value.toString();
}

/** The time step a moment falls in (unix seconds / 30). */
export function totpStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_PERIOD_SECONDS);
}

export function totpCode(secretBase32: string, at: number = Date.now()): string {
  return totp(secretBase32).generate({ timestamp: at });
}

/** "123 456", "123456" or " 123-456 " -> "123456"; null when it cannot be a code. */
export function normalizeTotpCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The time step the code belongs to (within ±1 step of `at`), or null when it matches none. */
export function matchTotp(secretBase32: string, code: string, at: number = Date.now()): number | null {
  const normalized = normalizeTotpCode(code);
  if (!normalized) return null;
  const delta = totp(secretBase32).validate({ token: normalized, timestamp: at, window: TOTP_WINDOW });
  return delta === null ? null : totpStep(at) + delta;
}

/** "ABCD EFGH IJKL ..." for typing the secret by hand. */
export function groupSecret(secretBase32: string): string {
  return secretBase32.match(/.{1,4}/g)?.join(" ") ?? secretBase32;
}
