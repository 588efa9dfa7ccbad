import "server-only";
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { ACCEPTED_ACRS, type FranceConnectSettings } from "./config";
import { FranceConnectFailure } from "./failures";

/**
 * What Auth.js does not do for FranceConnect: verify the id_token's signature and `acr`, and fetch the
 * userinfo, which FranceConnect answers as a signed JWT (application/jwt) whose signature must be checked
 * against the issuer's JWKS. Both with `jose`, the library under Auth.js.
 */

const REQUEST_TIMEOUT_MS = 8_000;
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const SIGNING_ALGORITHMS = ["ES256", "RS256"];

export interface Discovery {
  issuer: string;
  userinfo_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

const discoveries = new Map<string, { value: Discovery; expiresAt: number }>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

export async function discover(issuer: string): Promise<Discovery> {
  const cached = discoveries.get(issuer);
  if (cached && cached.expiresAt > Date.now()) return cached.value;
  let response: Response;
  try {
    response = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (cause) {
    throw new FranceConnectFailure("indisponible", "FranceConnect discovery unreachable", { cause });
  }
  if (!response.ok) throw new FranceConnectFailure("indisponible", `FranceConnect discovery answered ${response.status}`);
  const value = (await response.json()) as Partial<Discovery>;
  if (value.issuer !== issuer || !value.userinfo_endpoint || !value.jwks_uri) {
    throw new FranceConnectFailure("verification", "FranceConnect discovery document does not match the configured issuer");
  }
  const discovery = value as Discovery;
  discoveries.set(issuer, { value: discovery, expiresAt: Date.now() + DISCOVERY_TTL_MS });
  return discovery;
}

/** The end_session endpoint without a network round trip when possible (sign-out must not wait on FranceConnect). */
export function cachedEndSessionEndpoint(issuer: string): string | undefined {
  return discoveries.get(issuer)?.value.end_session_endpoint;
}

function keySet(jwksUri: string) {
  let set = keySets.get(jwksUri);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: REQUEST_TIMEOUT_MS });
    keySets.set(jwksUri, set);
  }
  return set;
}

async function verifySignedJwt(jwt: string, settings: FranceConnectSettings, discovery: Discovery, what: string): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(jwt, keySet(discovery.jwks_uri), {
      issuer: settings.issuer,
      audience: settings.clientId,
      algorithms: SIGNING_ALGORITHMS,
    });
    return payload;
  } catch (cause) {
    if (cause instanceof joseErrors.JWKSTimeout || (cause instanceof Error && cause.name === "TypeError")) {
      throw new FranceConnectFailure("indisponible", `FranceConnect JWKS unreachable while verifying the ${what}`, { cause });
    }
    if (
      cause instanceof joseErrors.JWSSignatureVerificationFailed ||
      cause instanceof joseErrors.JWKSNoMatchingKey ||
      cause instanceof joseErrors.JWSInvalid
    ) {
      throw new FranceConnectFailure("signature", `FranceConnect ${what} signature could not be verified`, { cause });
    }
    throw new FranceConnectFailure("verification", `FranceConnect ${what} is not valid`, { cause });
  }
}

/** The id_token's claims once its signature is verified, and FranceConnect's `acr` at eidas1 or above. */
export async function verifyIdToken(idToken: string, settings: FranceConnectSettings): Promise<JWTPayload & { sub: string }> {
  const discovery = await discover(settings.issuer);
  const claims = await verifySignedJwt(idToken, settings, discovery, "id_token");
  if (!claims.sub) throw new FranceConnectFailure("verification", "FranceConnect id_token has no sub");
  if (typeof claims.acr !== "string" || !ACCEPTED_ACRS.includes(claims.acr)) {
    throw new FranceConnectFailure("niveau", `FranceConnect returned acr ${JSON.stringify(claims.acr)}, expected eidas1 or above`);
  }
  return claims as JWTPayload & { sub: string };
}

/** The userinfo JWT, its signature verified, for the person of the id_token (`sub` must match). */
export async function fetchUserinfo(accessToken: string, expectedSub: string, settings: FranceConnectSettings): Promise<JWTPayload> {
  const discovery = await discover(settings.issuer);
  let response: Response;
  try {
    response = await fetch(discovery.userinfo_endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: "application/jwt" },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (cause) {
    throw new FranceConnectFailure("indisponible", "FranceConnect userinfo unreachable", { cause });
  }
  if (!response.ok)
    throw new FranceConnectFailure(
      response.status >= 500 ? "indisponible" : "verification",
      `FranceConnect userinfo answered ${response.status}`,
    );
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/jwt")) {
    // An unsigned JSON userinfo is refused: only a signed one proves where the identity comes from.
    throw new FranceConnectFailure("signature", `FranceConnect userinfo is not a signed JWT (${contentType})`);
  }
  const claims = await verifySignedJwt((await response.text()).trim(), settings, discovery, "userinfo");
  if (claims.sub !== expectedSub)
    throw new FranceConnectFailure("verification", "FranceConnect userinfo is about another person than the id_token");
  return claims;
}
