import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/platform/env";
import { signValue, verifySignedValue } from "@/lib/platform/security/signed-value";
import { franceConnectSettings, POST_LOGOUT_PATH } from "./config";
import { cachedEndSessionEndpoint, discover } from "./oidc";

/**
 * Signing out of the portal also ends the FranceConnect session, or the next person at the computer would
 * go through FranceConnect without typing anything: a browser redirect to FranceConnect's end_session with
 * id_token_hint, state and post_logout_redirect_uri (all three required), and `state` checked on return.
 */

const STATE_COOKIE = "ef_fc_deconnexion";
const STATE_LIFETIME_S = 10 * 60;

/** The FranceConnect id_token of the current session, read from Auth.js's encrypted cookie (never exposed to the browser). */
export async function currentFranceConnectIdToken(): Promise<string | null> {
  const secure = env().APP_URL.startsWith("https://");
  const token = await getToken({ req: { headers: await headers() }, secret: env().AUTH_SECRET, secureCookie: secure });
  return typeof token?.fcIdToken === "string" ? token.fcIdToken : null;
}

/** The URL to send the browser to, with a fresh `state` kept in a cookie; null when there is nothing to end. */
export async function franceConnectLogoutUrl(idToken: string): Promise<string | null> {
  const settings = franceConnectSettings();
  if (!settings) return null;
  // The endpoint from discovery, or FranceConnect's documented one if discovery cannot be reached right now:
  // the local session is already over, the browser will show FranceConnect's own answer.
  const endpoint =
    cachedEndSessionEndpoint(settings.issuer) ??
    (await discover(settings.issuer)
      .then((discovery) => discovery.end_session_endpoint)
      .catch(() => undefined)) ??
    `${settings.issuer}/session/end`;
  const state = randomBytes(32).toString("base64url");
  (await cookies()).set(STATE_COOKIE, signValue("franceconnect-logout", state), {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: POST_LOGOUT_PATH,
    maxAge: STATE_LIFETIME_S,
  });
  const url = new URL(endpoint);
  url.searchParams.set("id_token_hint", idToken);
  url.searchParams.set("state", state);
  url.searchParams.set("post_logout_redirect_uri", settings.postLogoutRedirectUri);
  return url.toString();
}

/** On FranceConnect's return: the `state` must be the one this browser was sent with. Used once. */
export function logoutStateMatches(cookieValue: string | undefined, returned: string | null): boolean {
  const expected = verifySignedValue("franceconnect-logout", cookieValue);
  if (!expected || !returned) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(returned);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const LOGOUT_STATE_COOKIE = { name: STATE_COOKIE, path: POST_LOGOUT_PATH } as const;
