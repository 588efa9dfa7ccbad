import "server-only";
import type { Session } from "next-auth";
import { getToken, type JWT } from "next-auth/jwt";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/platform/env";
import { sessionCookieSettings } from "@/lib/platform/security/cookies";
import { PARENT_SESSION_MAX_AGE_SECONDS, sessionExpired, sessionStillOpen } from "./session-token";

/** What a session says of its person, from the token: the session callback of config.ts and auth() below. */
export function sessionUserOf(token: JWT): Session["user"] {
  return { id: token.sub ?? "", kind: token.kind ?? "parent", role: token.role, sessionVersion: token.sv ?? 0, authAt: token.authAt ?? 0 };
}

/**
 * The session of this request for server code (pages, layouts, actions), once per request (React cache), with
 * the same answer as Auth.js's `auth()`: null unless the cookie decrypts with AUTH_SECRET (Auth.js's own
 * `getToken`: same cookie name as salt, chunked cookies, `exp` with its 15 s tolerance) and passes the jwt
 * callback's checks (the account is open with the same session version, the session is within its hard maximum).
 *
 * Why not Auth.js's `auth()`: in a server component it runs the whole /api/auth/session handler to answer JSON,
 * and that handler also makes a CSRF token (a hash) and a new JWE of the token for a refreshed cookie (key
 * derivation and encryption again) that server code cannot even set. The bench measured that cost on every page
 * of the parent's space. The account read of the check is shared with lib/auth/session.ts (sessionAccount).
 */
export const auth = cache(async (): Promise<Session | null> => {
  const cookie = (await headers()).get("cookie");
  const secret = env().AUTH_SECRET;
  // Without a secret Auth.js answers no session either (a configuration error): fail closed.
  if (!cookie || !secret) return null;
  const { cookies, useSecureCookies } = sessionCookieSettings(env().APP_URL);
  // Only the Cookie header: getToken would also take an Authorization bearer token, which Auth.js's session does not.
  const token = await getToken({
    req: { headers: new Headers({ cookie }) },
    secret,
    cookieName: cookies.sessionToken.name,
    secureCookie: useSecureCookies,
  });
  if (!token || !(await sessionStillOpen(token)) || sessionExpired(token)) return null;
  return { user: sessionUserOf(token), expires: new Date(Date.now() + PARENT_SESSION_MAX_AGE_SECONDS * 1000).toISOString() };
});
