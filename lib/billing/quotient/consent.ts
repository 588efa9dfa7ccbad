import "server-only";
import { env } from "@/lib/platform/env";
import { signValue, verifySignedValue } from "@/lib/platform/security/signed-value";

/**
 * The parent's consent to share their quotient familial, carried to FranceConnect's return by a short-lived
 * signed cookie (read by the FranceConnect sign-in, which then calls API Particulier with the fresh token).
 */
export const QUOTIENT_CONSENT_COOKIE = "ef_qf_consentement";
const LIFETIME_MS = 10 * 60 * 1000;

export function quotientConsentCookie(accountId: string, now = Date.now()) {
  return {
    name: QUOTIENT_CONSENT_COOKIE,
    value: signValue("quotient-consent", `${accountId}.${now + LIFETIME_MS}`),
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: env().APP_URL.startsWith("https://"),
      path: "/",
      maxAge: LIFETIME_MS / 1000,
    },
  };
}

export function expiredQuotientConsentCookie() {
  const cookie = quotientConsentCookie("");
  return { ...cookie, value: "", options: { ...cookie.options, maxAge: 0 } };
}

export function readQuotientConsent(value: string | undefined, now = Date.now()): string | null {
  const verified = verifySignedValue("quotient-consent", value);
  const match = verified ? /^([0-9a-f-]{36})\.(\d+)$/.exec(verified) : null;
  if (!match || Number(match[2]) < now) return null;
  return match[1] ?? null;
}
