import "server-only";
import { env, type Env } from "@/lib/platform/env";

/**
 * FranceConnect v2 as a "fournisseur de service": everything that differs between the local stand-in,
 * FranceConnect's sandbox and production comes from the environment, never from code.
 */
export interface FranceConnectSettings {
  /** e.g. https://fcp-low.sbx.dev-franceconnect.fr/api/v2 (sandbox) or https://oidc.franceconnect.gouv.fr/api/v2 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registered at FranceConnect: Auth.js's callback route. */
  redirectUri: string;
  /** Registered at FranceConnect: where FranceConnect sends the browser back after its logout. */
  postLogoutRedirectUri: string;
}

/**
 * Only what the portal uses (data minimisation: FranceConnect's authorisation lists and justifies each):
 * names and first names, birth date, gender (civility), birth place and country, email.
 */
export const FRANCECONNECT_SCOPES = [
  "openid",
  "given_name",
  "family_name",
  "preferred_username",
  "birthdate",
  "gender",
  "birthplace",
  "birthcountry",
  "email",
] as const;

/** The level asked for; FranceConnect+ levels are stronger and accepted too. */
export const REQUESTED_ACR = "eidas1";
export const ACCEPTED_ACRS: readonly string[] = ["eidas1", "eidas2", "eidas3"];

export const FRANCECONNECT_PROVIDER_ID = "franceconnect";
/** The hidden provider that opens the session right after an account is created from FranceConnect. */
export const FRANCECONNECT_SIGNUP_PROVIDER_ID = "franceconnect-inscription";

export const CALLBACK_PATH = `/api/auth/callback/${FRANCECONNECT_PROVIDER_ID}`;
export const POST_LOGOUT_PATH = "/connexion/franceconnect/deconnexion";
/** The parent's page to link and unlink FranceConnect. */
export const MANAGE_PATH = "/espace/franceconnect";

export function franceConnectSettings(current: Env = env()): FranceConnectSettings | null {
  const { FRANCECONNECT_ISSUER: issuer, FRANCECONNECT_CLIENT_ID: clientId, FRANCECONNECT_CLIENT_SECRET: clientSecret } = current;
  if (!issuer || !clientId || !clientSecret) return null;
  const appUrl = current.APP_URL.replace(/\/$/, "");
  return {
    issuer: issuer.replace(/\/$/, ""),
    clientId,
    clientSecret,
    redirectUri: `${appUrl}${CALLBACK_PATH}`,
    postLogoutRedirectUri: current.FRANCECONNECT_POST_LOGOUT_REDIRECT_URI ?? `${appUrl}${POST_LOGOUT_PATH}`,
  };
}

export function isFranceConnectEnabled(): boolean {
  return franceConnectSettings() !== null;
}
