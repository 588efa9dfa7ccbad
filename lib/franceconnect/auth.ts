import "server-only";
import type { Account, Profile } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig, Provider } from "next-auth/providers";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import { findLinkedAccount, linkFranceConnectIdentity, recordFranceConnectLogin } from "./accounts";
import { callbackContext } from "./callback";
import { identityFromClaims, parseClaims, usableEmail, type FranceConnectDraft } from "./claims";
import {
  FRANCECONNECT_PROVIDER_ID,
  FRANCECONNECT_SCOPES,
  FRANCECONNECT_SIGNUP_PROVIDER_ID,
  franceConnectSettings,
  REQUESTED_ACR,
  type FranceConnectSettings,
} from "./config";
import { failurePath, FranceConnectFailure } from "./failures";
import { fetchUserinfo, verifyIdToken } from "./oidc";
import { expiredLinkIntentCookie, LINK_COOKIE, readLinkIntent, readSignupTicket } from "./tickets";

/** Where the account-creation wizard starts for a person FranceConnect identified for the first time. */
export const SIGNUP_START_PATH = "/creer-mon-espace";

/**
 * The Auth.js providers: FranceConnect itself, and the hidden one that opens the session right after an
 * account is created from FranceConnect. None when FranceConnect is not configured.
 */
export function franceConnectProviders(): Provider[] {
  const settings = franceConnectSettings();
  if (!settings) return [];
  const franceConnect: OIDCConfig<Profile> = {
    id: FRANCECONNECT_PROVIDER_ID,
    name: "FranceConnect",
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    // Auth.js checks only PKCE by default; FranceConnect requires state and nonce.
    checks: ["pkce", "state", "nonce"],
    // Auth.js would otherwise send the secret as Basic auth, which FranceConnect refuses.
    client: { token_endpoint_auth_method: "client_secret_post" },
    authorization: { params: { scope: FRANCECONNECT_SCOPES.join(" "), acr_values: REQUESTED_ACR } },
    // FranceConnect's id_token holds no identity: the signIn callback reads it from the verified userinfo.
    profile: (claims) => ({ id: String(claims.sub) }),
  };
  const afterSignup = Credentials({
    id: FRANCECONNECT_SIGNUP_PROVIDER_ID,
    name: "FranceConnect (création de compte)",
    credentials: { ticket: {} },
    async authorize(credentials) {
      // The ticket is signed by the server and handed to signIn() by the wizard's last action: a browser
      // posting to this provider's callback has no valid one.
      const ticket = readSignupTicket(credentials.ticket);
      if (!ticket) return null;
      const account = await db().account.findUnique({ where: { id: ticket.accountId }, select: { status: true, sessionVersion: true } });
      if (account?.status !== "ACTIVE") return null;
      return { id: ticket.accountId, kind: "parent", sessionVersion: account.sessionVersion, franceConnectIdToken: ticket.idToken };
    },
  });
  return [franceConnect, afterSignup];
}

/**
 * Auth.js's signIn callback for FranceConnect, once Auth.js has checked state, nonce and PKCE and redeemed
 * the code. Verifies what Auth.js does not (id_token signature and acr, the signed userinfo), then:
 * - a `sub` linked to an account: signs that account in;
 * - a link request from a signed-in parent: links the `sub` to their account and signs them in;
 * - an unknown `sub`: opens the account-creation wizard with the identity filled and locked (no session yet).
 * Returns true, or the path to redirect to; nothing is written before every check has passed.
 */
export async function franceConnectSignIn(account: Account, profile: Profile | undefined): Promise<true | string> {
  const context = callbackContext();
  const linkCookie = context.cookies.get(LINK_COOKIE);
  if (linkCookie !== undefined) context.setCookies.push(expiredLinkIntentCookie());
  try {
    const settings = franceConnectSettings();
    if (!settings) throw new FranceConnectFailure("inconnue", "FranceConnect is not configured");
    const person = await verifiedPerson(account, profile, settings);

    const linkIntent = readLinkIntent(linkCookie);
    if (linkIntent && (await sessionAccountId(context.cookies)) === linkIntent.accountId) {
      const owner = await db().account.findUnique({ where: { id: linkIntent.accountId }, select: { status: true, sessionVersion: true } });
      if (owner?.status === "ACTIVE" && owner.sessionVersion === linkIntent.sessionVersion) {
        const outcome = await linkFranceConnectIdentity(person.sub, linkIntent.accountId);
        if (outcome === "taken") return failurePath("deja-associee");
        context.session = { accountId: linkIntent.accountId, sessionVersion: owner.sessionVersion };
        return true;
      }
    }

    const linked = await findLinkedAccount(person.sub);
    if (linked) {
      if (linked.status !== "ACTIVE") return failurePath("compte-inactif");
      await recordFranceConnectLogin(linked.identityId, linked.id);
      context.session = { accountId: linked.id, sessionVersion: linked.sessionVersion };
      context.setCookies.push(
        ...(await context.hooks.afterSignIn({ accountId: linked.id, accessToken: account.access_token, cookies: context.cookies })),
      );
      return true;
    }

    const draft: FranceConnectDraft = {
      sub: person.sub,
      identity: identityFromClaims(person.claims),
      email: usableEmail(person.claims.email),
      idToken: person.idToken,
      receivedAt: new Date().toISOString(),
    };
    context.setCookies.push(await context.hooks.startSignup(draft));
    return SIGNUP_START_PATH;
  } catch (error) {
    if (!(error instanceof FranceConnectFailure)) throw error;
    console.warn(`[franceconnect] sign-in refused (${error.reason}): ${error.message}`);
    return failurePath(error.reason);
  }
}

async function verifiedPerson(account: Account, profile: Profile | undefined, settings: FranceConnectSettings) {
  const idToken = account.id_token;
  const accessToken = account.access_token;
  if (!idToken || !accessToken) throw new FranceConnectFailure("verification", "FranceConnect's token response lacks a token");
  const idClaims = await verifyIdToken(idToken, settings);
  if (profile?.sub !== idClaims.sub) throw new FranceConnectFailure("verification", "id_token sub differs from the validated claims");
  const claims = parseClaims(await fetchUserinfo(accessToken, idClaims.sub, settings));
  if (!claims) throw new FranceConnectFailure("identite", "FranceConnect's userinfo lacks a required claim");
  return { sub: idClaims.sub, idToken, claims };
}

/** The account of the session the browser holds, if any (a link request is honoured only for that account). */
async function sessionAccountId(cookies: Map<string, string>): Promise<string | null> {
  const name = `${env().APP_URL.startsWith("https://") ? "__Secure-" : ""}authjs.session-token`;
  // Auth.js splits a long session cookie into numbered chunks.
  const token =
    cookies.get(name) ??
    [...cookies.entries()]
      .filter(([key]) => key.startsWith(`${name}.`))
      .sort(([a], [b]) => Number(a.split(".").pop()) - Number(b.split(".").pop()))
      .map(([, value]) => value)
      .join("");
  if (!token) return null;
  const decoded = await decode({ token, secret: env().AUTH_SECRET ?? "", salt: name }).catch(() => null);
  return decoded?.kind === "parent" && typeof decoded.sub === "string" ? decoded.sub : null;
}

/** Auth.js's jwt callback after a FranceConnect sign-in: the session belongs to the account, not to the `sub`. */
export function franceConnectToken(token: JWT, account: Account): JWT | null {
  const session = callbackContext().session;
  if (!session) return null;
  token.sub = session.accountId;
  token.kind = "parent";
  token.sv = session.sessionVersion;
  token.fcIdToken = account.id_token;
  return token;
}
