import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { ANGELA, startFakeFranceConnect } from "./support/fake-franceconnect";
import { testPrisma } from "../fixtures/db";

/**
 * FranceConnect's return through the real Auth.js handlers and our checks, against a scripted
 * FranceConnect that answers with crafted tokens. Every refusal must land on the French failure page
 * with its reason, and leave nothing behind (no account, no link, no signup draft).
 */
const APP = "http://localhost:3000";
const CLIENT_ID = "espace-famille-test";
const SESSION_COOKIE = "authjs.session-token";

let fake: Awaited<ReturnType<typeof startFakeFranceConnect>>;
let GET: (request: NextRequest) => Promise<Response>;
let POST: (request: NextRequest) => Promise<Response>;
const prisma = testPrisma();
const warnings: string[] = [];

beforeAll(async () => {
  // Refusals are logged in one line each, for operators; keep them out of the test output.
  jest.spyOn(console, "warn").mockImplementation((message: unknown) => void warnings.push(String(message)));
  fake = await startFakeFranceConnect({ clientId: CLIENT_ID });
  // Read once, lazily, by lib/platform/env: set before the first request.
  Object.assign(process.env, {
    APP_URL: APP,
    AUTH_SECRET: "integration-secret-of-at-least-32-characters",
    FRANCECONNECT_ISSUER: fake.issuer,
    FRANCECONNECT_CLIENT_ID: CLIENT_ID,
    FRANCECONNECT_CLIENT_SECRET: "the-client-secret",
  });
  ({ GET, POST } = await import("@/app/api/auth/[...nextauth]/route"));
});

afterAll(async () => {
  await fake.stop();
  await prisma.$disconnect();
  const { db } = await import("@/lib/platform/db");
  await db().$disconnect();
});

/** A browser's cookies for localhost: what the responses set, sent back with every request. */
class Jar {
  cookies = new Map<string, string>();
  absorb(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      const expired =
        value === "" ||
        attributes.some(
          (attribute) => /^max-age=0$/i.test(attribute) || (/^expires=/i.test(attribute) && Date.parse(attribute.slice(8)) < Date.now()),
        );
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

function request(jar: Jar, path: string, init: { method?: string; body?: URLSearchParams; host?: string } = {}) {
  const headers = new Headers({ cookie: jar.header() });
  if (init.host) headers.set("host", init.host);
  if (init.body) headers.set("content-type", "application/x-www-form-urlencoded");
  return new NextRequest(new URL(path, APP), { method: init.method ?? "GET", headers, body: init.body });
}

/** "S'identifier avec FranceConnect": Auth.js answers with the redirect to FranceConnect's /authorize. */
async function startSignIn(jar: Jar, callbackUrl = "/espace") {
  const csrf = await GET(request(jar, "/api/auth/csrf"));
  jar.absorb(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await POST(
    request(jar, "/api/auth/signin/franceconnect", { method: "POST", body: new URLSearchParams({ csrfToken, callbackUrl }) }),
  );
  jar.absorb(response);
  const authorize = new URL(response.headers.get("location") ?? "");
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${fake.issuer}/authorize`);
  return { state: authorize.searchParams.get("state")!, nonce: authorize.searchParams.get("nonce")!, params: authorize.searchParams };
}

async function callback(jar: Jar, query: Record<string, string>, host?: string) {
  const response = await GET(request(jar, `/api/auth/callback/franceconnect?${new URLSearchParams(query)}`, { host }));
  jar.absorb(response);
  return { response, location: new URL(response.headers.get("location") ?? "", APP).href };
}

const newSub = () => `${randomUUID().replace(/-/g, "")}v1`;

async function expectNothingCreated(sub: string, jar: Jar) {
  await expect(prisma.franceConnectIdentity.count({ where: { sub } })).resolves.toBe(0);
  await expect(prisma.signupDraft.count({ where: { franceConnect: { path: ["sub"], equals: sub } } })).resolves.toBe(0);
  expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
  expect(jar.cookies.has("ef_inscription")).toBe(false);
}

async function createParent(overrides: { passwordHash?: string | null } = {}) {
  return prisma.account.create({
    data: {
      login: `parent.${randomUUID()}`,
      email: `${randomUUID()}@example.org`,
      passwordHash: overrides.passwordHash === undefined ? "not-a-real-hash" : overrides.passwordHash,
      status: "ACTIVE",
      civility: "MADAME",
      usageName: "DUBOIS",
      firstNames: "Angela",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
}

describe("the request sent to FranceConnect", () => {
  test("PKCE, state, a nonce of 32+ characters, eidas1 and only the scopes the portal uses", async () => {
    const { params } = await startSignIn(new Jar());
    expect(params.get("client_id")).toBe(CLIENT_ID);
    expect(params.get("response_type")).toBe("code");
    expect(params.get("redirect_uri")).toBe(`${APP}/api/auth/callback/franceconnect`);
    expect(params.get("acr_values")).toBe("eidas1");
    expect(params.get("scope")).toBe("openid given_name family_name preferred_username birthdate gender birthplace birthcountry email");
    expect(params.get("code_challenge_method")).toBe("S256");
    expect(params.get("nonce")!.length).toBeGreaterThanOrEqual(32);
    expect(params.get("state")!.length).toBeGreaterThanOrEqual(32);
  });
});

describe("FranceConnect's answer", () => {
  test("a person never seen: the code is redeemed with client_secret_post and PKCE, the wizard opens with a locked identity, no account yet", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce });
    const { location } = await callback(jar, { code: "code-1", state });

    expect(new URL(location).pathname).toBe("/creer-mon-espace");
    const tokenRequest = fake.tokenRequests.at(-1)!;
    expect(tokenRequest.authorization).toBeUndefined();
    expect(tokenRequest.body.get("client_secret")).toBe("the-client-secret");
    expect(tokenRequest.body.get("code_verifier")).toBeTruthy();
    expect(jar.cookies.has("ef_inscription")).toBe(true);
    expect(jar.cookies.has(SESSION_COOKIE)).toBe(false);
    await expect(prisma.franceConnectIdentity.count({ where: { sub } })).resolves.toBe(0);
    const draft = await prisma.signupDraft.findFirstOrThrow({ where: { franceConnect: { path: ["sub"], equals: sub } } });
    expect(draft.franceConnect).toMatchObject({
      sub,
      email: "angela.dubois@example.org",
      identity: {
        civility: "MADAME",
        usageName: "DUBOIS",
        birthName: "DUBOIS",
        firstNames: "Angela Claire Louise",
        birthDate: "24/08/1962",
        birthCountryCode: "99100",
        birthDepartmentCode: "75",
        birthCommuneCode: "75107",
      },
    });
  });

  test("the code is redeemed with the redirect_uri of the host the browser used, even 127.0.0.1 (which Next.js calls localhost)", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    fake.answer({ sub: newSub(), nonce });
    await callback(jar, { code: "code-host", state }, "127.0.0.1:3000");
    expect(fake.tokenRequests.at(-1)!.body.get("redirect_uri")).toBe("http://127.0.0.1:3000/api/auth/callback/franceconnect");
  });

  test("a linked sub signs its account in: a parent's session carrying FranceConnect's id_token for the logout", async () => {
    const parent = await createParent();
    const sub = newSub();
    await prisma.franceConnectIdentity.create({ data: { sub, accountId: parent.id } });
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    fake.answer({ sub, nonce });
    const { location } = await callback(jar, { code: "code-2", state });

    expect(location).toBe(`${APP}/espace`);
    const token = await decode({ token: jar.cookies.get(SESSION_COOKIE)!, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
    expect(token).toMatchObject({ sub: parent.id, kind: "parent", sv: 0 });
    expect(typeof token?.fcIdToken).toBe("string");
    expect((await prisma.franceConnectIdentity.findUniqueOrThrow({ where: { sub } })).lastLoginAt).not.toBeNull();
  });

  test("a userinfo signed with another key than the issuer's is refused", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce, userinfo: "foreign" });
    const { location } = await callback(jar, { code: "code-3", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=signature`);
    await expectNothingCreated(sub, jar);
    expect(warnings.at(-1)).toBe("[franceconnect] sign-in refused (signature): FranceConnect userinfo signature could not be verified");
  });

  test("an unsigned (JSON) userinfo is refused", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce, userinfo: "json" });
    const { location } = await callback(jar, { code: "code-4", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=signature`);
    await expectNothingCreated(sub, jar);
  });

  test.each([
    ["a lower level", "eidas0"],
    ["no acr at all", null],
  ])("an acr below eidas1 is refused (%s)", async (_name, acr) => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce, acr });
    const { location } = await callback(jar, { code: "code-5", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=niveau`);
    await expectNothingCreated(sub, jar);
  });

  test("an id_token with another nonce than the one sent is refused", async () => {
    const jar = new Jar();
    const { state } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce: "another-nonce-of-a-stolen-or-forged-token" });
    const { location } = await callback(jar, { code: "code-6", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=verification`);
    await expectNothingCreated(sub, jar);
    expect(warnings.at(-1)).toBe('[franceconnect] return refused (verification): unexpected ID Token "nonce" claim value');
  });

  test("a replayed answer (the same state again) is refused, and creates nothing more", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce });
    expect(new URL((await callback(jar, { code: "code-7", state })).location).pathname).toBe("/creer-mon-espace");
    const tokenRequests = fake.tokenRequests.length;

    const { location } = await callback(jar, { code: "code-7", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=session`);
    // Refused before the code was sent to FranceConnect again.
    expect(fake.tokenRequests.length).toBe(tokenRequests);
    await expect(prisma.signupDraft.count({ where: { franceConnect: { path: ["sub"], equals: sub } } })).resolves.toBe(1);
  });

  test("a state that is not the one sent is refused", async () => {
    const jar = new Jar();
    const { nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce });
    const { location } = await callback(jar, { code: "code-8", state: "x".repeat(43) });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=session`);
    await expectNothingCreated(sub, jar);
  });

  test("an expired code (invalid_grant) is explained as such", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce, tokenError: "invalid_grant" });
    const { location } = await callback(jar, { code: "code-9", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=code-expire`);
    await expectNothingCreated(sub, jar);
  });

  test("the person cancelling at FranceConnect", async () => {
    const jar = new Jar();
    const { state } = await startSignIn(jar);
    const { location } = await callback(jar, { error: "access_denied", error_description: "User auth aborted", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=annulee`);
  });

  test("an identity without the claims the portal needs is refused", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce, claims: { ...ANGELA, birthdate: undefined, gender: undefined } });
    const { location } = await callback(jar, { code: "code-10", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=identite`);
    await expectNothingCreated(sub, jar);
  });
});

describe("linking FranceConnect to an existing account", () => {
  async function parentSession(jar: Jar, accountId: string) {
    jar.cookies.set(
      SESSION_COOKIE,
      await encode({
        token: { sub: accountId, kind: "parent", sv: 0, authAt: Math.floor(Date.now() / 1000) },
        secret: process.env.AUTH_SECRET!,
        salt: SESSION_COOKIE,
      }),
    );
  }
  async function linkRequest(jar: Jar, accountId: string) {
    const { linkIntentCookie } = await import("@/lib/franceconnect/tickets");
    const cookie = linkIntentCookie({ accountId, sessionVersion: 0 });
    jar.cookies.set(cookie.name, cookie.value);
  }

  test("the signed-in parent's link request links the sub to their account, once", async () => {
    const parent = await createParent();
    const jar = new Jar();
    await parentSession(jar, parent.id);
    await linkRequest(jar, parent.id);
    const { state, nonce } = await startSignIn(jar, "/espace/franceconnect?associee=1");
    const sub = newSub();
    fake.answer({ sub, nonce });
    const { location } = await callback(jar, { code: "code-11", state });

    expect(location).toBe(`${APP}/espace/franceconnect?associee=1`);
    await expect(prisma.franceConnectIdentity.findUnique({ where: { sub } })).resolves.toMatchObject({ accountId: parent.id });
    expect(jar.cookies.has("ef_fc_association")).toBe(false);
    const token = await decode({ token: jar.cookies.get(SESSION_COOKIE)!, secret: process.env.AUTH_SECRET!, salt: SESSION_COOKIE });
    expect(token).toMatchObject({ sub: parent.id, kind: "parent" });
  });

  test("a link request is ignored when the browser is no longer signed in as that parent (shared computer)", async () => {
    const parent = await createParent();
    const jar = new Jar();
    await linkRequest(jar, parent.id);
    const { state, nonce } = await startSignIn(jar);
    const sub = newSub();
    fake.answer({ sub, nonce });
    const { location } = await callback(jar, { code: "code-12", state });
    expect(new URL(location).pathname).toBe("/creer-mon-espace");
    await expect(prisma.franceConnectIdentity.count({ where: { accountId: parent.id } })).resolves.toBe(0);
  });

  test("a sub already linked to another account is not moved", async () => {
    const [owner, other] = [await createParent(), await createParent()];
    const sub = newSub();
    await prisma.franceConnectIdentity.create({ data: { sub, accountId: owner.id } });
    const jar = new Jar();
    await parentSession(jar, other.id);
    await linkRequest(jar, other.id);
    const { state, nonce } = await startSignIn(jar);
    fake.answer({ sub, nonce });
    const { location } = await callback(jar, { code: "code-13", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=deja-associee`);
    await expect(prisma.franceConnectIdentity.findUniqueOrThrow({ where: { sub } })).resolves.toMatchObject({ accountId: owner.id });
  });

  test("unlinking is refused while FranceConnect is the only way into the account", async () => {
    const { unlinkFranceConnect } = await import("@/lib/franceconnect/accounts");
    const withPassword = await createParent();
    const franceConnectOnly = await createParent({ passwordHash: null });
    for (const account of [withPassword, franceConnectOnly])
      await prisma.franceConnectIdentity.create({ data: { sub: newSub(), accountId: account.id } });

    await expect(unlinkFranceConnect(franceConnectOnly.id)).resolves.toBe("no-password");
    await expect(prisma.franceConnectIdentity.count({ where: { accountId: franceConnectOnly.id } })).resolves.toBe(1);
    await expect(unlinkFranceConnect(withPassword.id)).resolves.toBe("unlinked");
    await expect(prisma.franceConnectIdentity.count({ where: { accountId: withPassword.id } })).resolves.toBe(0);
  });
});

describe("FranceConnect unreachable", () => {
  test("a callback while FranceConnect does not answer lands on the explanation", async () => {
    const jar = new Jar();
    const { state, nonce } = await startSignIn(jar);
    fake.answer({ sub: newSub(), nonce });
    await fake.stop();
    const { location } = await callback(jar, { code: "code-14", state });
    expect(location).toBe(`${APP}/connexion/franceconnect?erreur=indisponible`);
  });
});
