// A local stand-in for FranceConnect v2, for development and the browser tests: `npm run dev` and `npm test`
// start it when no FRANCECONNECT_ISSUER is given. It runs on oidc-provider 9, the library FranceConnect itself
// runs on, configured like FranceConnect: routes under /api/v2 (/authorize, /token, /userinfo, /jwks,
// /session/end), ES256 signatures, the userinfo answered as a signed JWT (application/jwt), `acr` eidas1,
// client_secret_post only, pairwise `sub`, FranceConnect's lifetimes (code 30 s, tokens 60 s, session 30 min)
// and FranceConnect's scopes and claims. Its pages say plainly that it is a test stand-in.
// It never runs in production: it refuses to start when NODE_ENV is "production", and oidc-provider is a
// development dependency only.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";
import { claimsByScope, testIdentities } from "./identities.mjs";
import { errorPage, loginPage, logoutDonePage, logoutPage } from "./pages.mjs";

export { testIdentities } from "./identities.mjs";

/** FranceConnect's issuers end in /api/v2 (https://oidc.franceconnect.gouv.fr/api/v2). */
export const STANDIN_PATH = "/api/v2";
export const STANDIN_CLIENT_ID = "espace-famille-local";

/**
 * @typedef {object} StandinClient
 * @property {string} clientId
 * @property {string} clientSecret
 * @property {string[]} redirectUris
 * @property {string[]} postLogoutRedirectUris
 * @property {string} [name]
 */

/**
 * Starts the stand-in on host:port (port 0: any free port).
 * @param {{ host?: string, port?: number, clients: StandinClient[], quiet?: boolean }} options
 * @returns {Promise<{ issuer: string, port: number, stop: () => Promise<void> }>}
 */
export async function startFranceConnectStandin({ host = "localhost", port = 0, clients, quiet = false }) {
  if (process.env.NODE_ENV === "production") {
    throw new Error("La doublure de FranceConnect ne démarre jamais en production : configurez FRANCECONNECT_ISSUER.");
  }
  const server = createServer();
  const actualPort = await listen(server, port, host);
  const origin = `http://${host}:${actualPort}`;
  const issuer = `${origin}${STANDIN_PATH}`;

  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `doublure-${randomBytes(4).toString("hex")}`, alg: "ES256", use: "sig" };

  /** Pairwise `sub` -> identity: FranceConnect gives each service its own `sub` for a person. */
  const subjects = new Map();
  const pairwiseSub = (clientId, login) => `${createHash("sha256").update(`${clientId}:${login}`).digest("hex")}v1`;

  const provider = new Provider(issuer, {
    clients: clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      client_name: client.name ?? "Espace Famille",
      redirect_uris: client.redirectUris,
      post_logout_redirect_uris: client.postLogoutRedirectUris,
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_post",
      id_token_signed_response_alg: "ES256",
      userinfo_signed_response_alg: "ES256",
    })),
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    clientAuthMethods: ["client_secret_post"],
    responseTypes: ["code"],
    acrValues: ["eidas1"],
    scopes: Object.keys(claimsByScope),
    claims: claimsByScope,
    subjectTypes: ["public"],
    issueRefreshToken: () => false,
    routes: {
      authorization: "/authorize",
      token: "/token",
      userinfo: "/userinfo",
      jwks: "/jwks",
      end_session: "/session/end",
      revocation: "/token/revocation",
    },
    ttl: { AuthorizationCode: 30, AccessToken: 60, IdToken: 60, Session: 1800, Grant: 1800, Interaction: 600 },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = "html";
          ctx.body = logoutDonePage();
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${STANDIN_PATH}/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const identity = subjects.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          const claims = { sub, ...identity.claims, given_name_array: identity.claims.given_name.split(" ") };
          // FranceConnect leaves out a usage name the person does not have.
          if (!claims.preferred_username) delete claims.preferred_username;
          return claims;
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage(out.error, out.error_description);
    },
  });
  if (!quiet) {
    provider.on("server_error", (_ctx, error) => console.error("[doublure FranceConnect]", error));
  }
  const oidc = provider.callback();

  const identityList = testIdentities.map((identity) => ({
    login: identity.login,
    password: identity.password,
    description: identity.description,
    name: `${identity.claims.given_name} ${identity.claims.preferred_username || identity.claims.family_name}`,
  }));

  async function interaction(req, res, uid, step) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return sendHtml(res, 400, errorPage("invalid_request", "Cette demande de connexion n'est plus valable."));
    const clientId = String(details.params.client_id);
    const client = await provider.Client.find(clientId);
    const page = (error, login) =>
      loginPage({
        action: `${STANDIN_PATH}/interaction/${uid}/login`,
        cancelAction: `${STANDIN_PATH}/interaction/${uid}/abort`,
        clientName: client?.clientName ?? clientId,
        login,
        error,
        identities: identityList,
      });

    if (step === "abort") {
      // What FranceConnect answers when the person goes back to the service without signing in.
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "L'usager a annulé la connexion." },
        { mergeWithLastSubmission: false },
      );
    }
    if (step === "login") {
      const form = new URLSearchParams(await readBody(req));
      const login = (form.get("login") ?? "").trim();
      const identity = findIdentity(login, form.get("password"));
      if (!identity)
        return sendHtml(res, 200, page("Identifiant ou mot de passe incorrect. Les identités de test sont listées plus bas.", login));
      const sub = pairwiseSub(clientId, login);
      subjects.set(sub, identity);
      const grantId = await grantRequestedScopes(details, sub);
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: sub, acr: "eidas1", amr: ["pwd"] }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    }
    if (details.prompt.name === "login") return sendHtml(res, 200, page());
    // Already signed in at the stand-in (single sign-on): FranceConnect asks for nothing more.
    const grantId = await grantRequestedScopes(details, String(details.session?.accountId));
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function grantRequestedScopes(details, accountId) {
    const clientId = String(details.params.client_id);
    const grant = (details.grantId && (await provider.Grant.find(details.grantId))) || new provider.Grant({ accountId, clientId });
    grant.addOIDCScope(String(details.params.scope ?? "openid"));
    return grant.save();
  }

  server.on("request", (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const match = /^\/api\/v2\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(path);
    if (match) {
      const step = match[2];
      if ((step && req.method !== "POST") || (!step && req.method !== "GET"))
        return sendHtml(res, 405, errorPage("invalid_request", "Méthode non permise."));
      interaction(req, res, match[1], step).catch((error) => {
        if (!quiet) console.error("[doublure FranceConnect]", error);
        if (!res.headersSent)
          sendHtml(res, 400, errorPage("invalid_request", "Cette demande de connexion a expiré : revenez sur le service et recommencez."));
      });
      return;
    }
    if (path !== STANDIN_PATH && !path.startsWith(`${STANDIN_PATH}/`))
      return sendHtml(res, 404, errorPage("not_found", "Adresse inconnue."));
    // oidc-provider computes its mount path from originalUrl minus url.
    req.originalUrl = req.url;
    req.url = req.url.slice(STANDIN_PATH.length) || "/";
    oidc(req, res);
  });

  return {
    issuer,
    port: actualPort,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The stand-in set up for one portal, and the portal's FRANCECONNECT_* variables pointing at it.
 * @param {{ appUrl: string, host?: string, port?: number, quiet?: boolean }} options
 */
export async function startStandinForPortal({ appUrl, host, port = 0, quiet }) {
  const clientSecret = randomBytes(24).toString("base64url");
  const postLogoutRedirectUri = `${appUrl}/connexion/franceconnect/deconnexion`;
  const standin = await startFranceConnectStandin({
    host: host ?? new URL(appUrl).hostname,
    port,
    quiet,
    clients: [
      {
        clientId: STANDIN_CLIENT_ID,
        clientSecret,
        redirectUris: [`${appUrl}/api/auth/callback/franceconnect`],
        postLogoutRedirectUris: [postLogoutRedirectUri],
      },
    ],
  });
  return {
    ...standin,
    env: {
      FRANCECONNECT_ISSUER: standin.issuer,
      FRANCECONNECT_CLIENT_ID: STANDIN_CLIENT_ID,
      FRANCECONNECT_CLIENT_SECRET: clientSecret,
      FRANCECONNECT_POST_LOGOUT_REDIRECT_URI: postLogoutRedirectUri,
    },
  };
}

/**
 * "test" / "123", or "test+anything" / "123": the same person under another `sub`, so that repeated test
 * runs against one database each meet a person FranceConnect has never sent before.
 */
function findIdentity(login, password) {
  const base = /^([a-z]+)(?:\+[\w-]{1,40})?$/.exec(login)?.[1];
  const identity = testIdentities.find((candidate) => candidate.login === base);
  return identity && identity.password === password ? identity : undefined;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => {
      body += chunk;
      if (body.length > 10_000) req.destroy(new Error("body too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function sendHtml(res, status, html) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

// `node scripts/franceconnect-standin/index.mjs --app-url http://localhost:3000 [--port 4000]`: the stand-in alone,
// printing the variables to give the portal.
if (import.meta.url === `file://${process.argv[1]}`) {
  void runStandalone();
}

async function runStandalone() {
  const { values } = parseArgs({
    options: { "app-url": { type: "string", default: "http://localhost:3000" }, port: { type: "string", default: "0" } },
  });
  const standin = await startStandinForPortal({ appUrl: values["app-url"], port: Number(values.port) });
  console.log(`Doublure de FranceConnect : ${standin.issuer}`);
  for (const [key, value] of Object.entries(standin.env)) console.log(`${key}=${value}`);
  process.on("SIGINT", () => void standin.stop().then(() => process.exit(0)));
  process.on("SIGTERM", () => void standin.stop().then(() => process.exit(0)));
}
