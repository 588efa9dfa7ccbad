import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/**
 * A scripted FranceConnect for the callback tests: discovery, JWKS, token and userinfo endpoints whose
 * answers each test sets (crafted tokens: wrong key, wrong acr, wrong nonce, expired code...).
 * The journey against the real stand-in is in the browser tests.
 */
export interface FakeAnswer {
  sub: string;
  /** The nonce to put in the id_token (the one Auth.js sent, unless a test wants another). */
  nonce: string;
  acr?: string | null;
  claims?: Record<string, unknown>;
  /** "good": signed with the published key; "foreign": same kid, another key; "json": not signed at all. */
  userinfo?: "good" | "foreign" | "json";
  tokenError?: string;
}

export interface TokenRequest {
  body: URLSearchParams;
  authorization: string | undefined;
}

export const ANGELA = {
  given_name: "Angela Claire Louise",
  family_name: "DUBOIS",
  birthdate: "1962-08-24",
  gender: "female",
  birthplace: "75107",
  birthcountry: "99100",
  email: "angela.dubois@example.org",
};

export async function startFakeFranceConnect({ clientId }: { clientId: string }) {
  const published = await generateKeyPair("ES256", { extractable: true });
  const foreign = await generateKeyPair("ES256");
  const kid = "fake-franceconnect";
  const jwk = { ...(await exportJWK(published.publicKey)), kid, alg: "ES256", use: "sig" };
  let answer: FakeAnswer | undefined;
  const tokenRequests: TokenRequest[] = [];

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, body: unknown, type = "application/json") => {
      res.writeHead(status, { "content-type": type });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    const sign = (payload: Record<string, unknown>, key: CryptoKey, expires = "60s") =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setIssuedAt()
        .setExpirationTime(expires)
        .sign(key);
    switch (url.pathname) {
      case "/api/v2/.well-known/openid-configuration":
        return json(200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          userinfo_endpoint: `${issuer}/userinfo`,
          jwks_uri: `${issuer}/jwks`,
          end_session_endpoint: `${issuer}/session/end`,
          id_token_signing_alg_values_supported: ["ES256"],
          userinfo_signing_alg_values_supported: ["ES256"],
          token_endpoint_auth_methods_supported: ["client_secret_post"],
          acr_values_supported: ["eidas1"],
        });
      case "/api/v2/jwks":
        return json(200, { keys: [jwk] });
      case "/api/v2/token": {
        const body = new URLSearchParams(await readBody(req));
        tokenRequests.push({ body, authorization: req.headers.authorization });
        if (!answer) return json(500, { error: "server_error" });
        if (answer.tokenError) return json(400, { error: answer.tokenError, error_description: "scripted" });
        const acr = answer.acr === undefined ? "eidas1" : answer.acr;
        const idToken = await sign(
          { sub: answer.sub, nonce: answer.nonce, auth_time: Math.floor(Date.now() / 1000), ...(acr === null ? {} : { acr }) },
          published.privateKey,
        );
        return json(200, { access_token: `at-${answer.sub}`, token_type: "Bearer", expires_in: 60, id_token: idToken, scope: "openid" });
      }
      case "/api/v2/userinfo": {
        if (!answer || req.headers.authorization !== `Bearer at-${answer.sub}`) return json(401, { error: "invalid_token" });
        const claims = { sub: answer.sub, ...(answer.claims ?? ANGELA) };
        if (answer.userinfo === "json") return json(200, claims);
        return json(200, await sign(claims, answer.userinfo === "foreign" ? foreign.privateKey : published.privateKey), "application/jwt");
      }
      default:
        return json(404, { error: "not_found" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;

  return {
    issuer,
    tokenRequests,
    answer(next: FakeAnswer) {
      answer = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}
