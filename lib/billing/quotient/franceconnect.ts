import "server-only";
import type { FranceConnectHooks } from "@/lib/franceconnect";
import { expiredQuotientConsentCookie, QUOTIENT_CONSENT_COOKIE, readQuotientConsent } from "./consent";
import { QUOTIENT_RESULT_COOKIE } from "./result";
import { retrieveQuotientWithFranceConnect } from "./service";

/**
 * After a FranceConnect sign-in: the parent asked, from "Mon quotient familial", to share their quotient through
 * FranceConnect (consent cookie for this very account). API Particulier is called now, with the access token of
 * this sign-in, which is then dropped (never stored, never logged). The outcome is left for the page in a short
 * cookie.
 */
export const shareQuotientAfterFranceConnect: FranceConnectHooks["afterSignIn"] = async ({ accountId, accessToken, cookies }) => {
  const consent = cookies.get(QUOTIENT_CONSENT_COOKIE);
  if (consent === undefined) return [];
  const expired = expiredQuotientConsentCookie();
  if (readQuotientConsent(consent) !== accountId || !accessToken) return [expired];
  const outcome = await retrieveQuotientWithFranceConnect(accountId, accessToken).catch(() => "indisponible" as const);
  return [expired, { name: QUOTIENT_RESULT_COOKIE, value: outcome, options: { ...expired.options, maxAge: 120 } }];
};
