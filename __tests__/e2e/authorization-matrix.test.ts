import { hash } from "@node-rs/argon2";
import type { APIResponse, BrowserContext } from "playwright-core";
import { createPublicDocument } from "@/lib/content/public-documents-admin";
import { db } from "@/lib/platform/db";
import { storeDocument } from "@/lib/documents/service";
import { createKnownFamily } from "@/lib/dossier/service";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { newTotpSecret } from "@/lib/auth/totp";
import { sealTotpSecret } from "@/lib/auth/totp-secret";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { launchBrowser, newContext, type BrowserSession } from "./support/browser";
import { signIn, unique } from "./support/journeys";
import { appRoutes, audienceOf, concrete, type AppRoute, type Audience } from "./support/routes";
import { enterTotpCode, submitStaffPassword } from "./support/staff";

/**
 * The authorization matrix over real HTTP against the built portal: every page and route handler found in
 * app/ (a new one is included automatically), for a signed-out visitor, parent A, parent B, an agent and an
 * administrator. Pages of the parent's space send the others to the sign-in page; the back-office gives
 * parents nothing; agents are turned away from administrators' pages; parent B never gets parent A's
 * document (404, not a 403 that would confirm it exists) and no answer to one parent holds the other's name.
 */
type Role = "signed-out" | "parentA" | "parentB" | "agent" | "admin";
const ROLES: Role[] = ["signed-out", "parentA", "parentB", "agent", "admin"];
const PASSWORD = "Matrice-Acces-Verifiee-2026";

let session: BrowserSession;
const contexts = {} as Record<Role, BrowserContext>;
const parents = {} as Record<"parentA" | "parentB", TestParent & { marker: string }>;
const samples: Record<string, string> = {};
let documentOfA = "";
let pdfOfA: Uint8Array;
const id = unique();
const created = { news: "", publicDocument: "", staff: [] as string[] };

async function staffAccount(role: "AGENT" | "ADMINISTRATOR") {
  const login = `matrice.${role === "AGENT" ? "agent" : "admin"}.${id}`;
  const totpSecret = newTotpSecret();
  const row = await testPrisma().staffUser.create({
    data: {
      login,
      email: `${login}@example.org`,
      displayName: `Matrice ${role}`,
      passwordHash: await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
      role,
      totpSecret: sealTotpSecret(totpSecret),
      totpEnabledAt: new Date(),
    },
  });
  created.staff.push(row.id);
  return { id: row.id, login, totpSecret };
}

beforeAll(async () => {
  session = await launchBrowser();
  const a = await createParent({ usageName: `ALPHA${id.toUpperCase()}` });
  const b = await createParent({ usageName: `BRAVO${id.toUpperCase()}` });
  parents.parentA = { ...a, marker: `ALPHA${id.toUpperCase()}` };
  parents.parentB = { ...b, marker: `BRAVO${id.toUpperCase()}` };
  const agent = await staffAccount("AGENT");
  const admin = await staffAccount("ADMINISTRATOR");
  const adminCaller = { kind: "staff" as const, id: admin.id };

  // Records behind the dynamic addresses. Nothing published: the public pages stay as other tests expect them.
  pdfOfA = await simplePdf({ title: "Livret de famille", paragraphs: [parents.parentA.marker], author: "Parent A" });
  const stored = await storeDocument(
    a.id,
    new File([new Uint8Array(pdfOfA)], "livret-alpha.pdf", { type: "application/pdf" }),
    "LIVRET_FAMILLE",
  );
  if (!stored.ok) throw new Error(stored.message);
  documentOfA = stored.documentId;
  const news = await testPrisma().newsItem.create({
    data: { slug: `matrice-${id}`, title: `Matrice ${id}`, summary: "Brouillon", body: "Brouillon" },
  });
  created.news = news.id;
  created.publicDocument = await createPublicDocument(
    adminCaller,
    { title: `Matrice ${id}`, description: null, position: 999, publish: false },
    { name: "guide.pdf", bytes: await simplePdf({ title: "Guide", paragraphs: ["Brouillon"], author: "Ville" }) },
  );
  const family = await createKnownFamily(adminCaller, {
    representatives: [{ civility: "MADAME", usageName: "MATRICE", firstName: "Maud" }],
    children: [],
  });
  Object.assign(samples, {
    "/espace/documents/[id]": `/espace/documents/${documentOfA}`,
    "/admin/actualites/[id]": `/admin/actualites/${news.id}`,
    "/admin/documents/[id]": `/admin/documents/${created.publicDocument}`,
    "/admin/documents/[id]/fichier": `/admin/documents/${created.publicDocument}/fichier`,
    "/admin/familles/[id]": `/admin/familles/${family.id}`,
    "/admin/familles/[id]/lettre": `/admin/familles/${family.id}/lettre`,
    "/admin/agents/[id]": `/admin/agents/${agent.id}`,
    // Unpublished: nobody may fetch it from the public address, not even staff.
    "/documents-a-telecharger/[id]": `/documents-a-telecharger/${created.publicDocument}`,
    "/actualites/[slug]": `/actualites/matrice-${id}`,
    "/creer-mon-espace/[etape]": "/creer-mon-espace/identite",
    "/api/auth/[...nextauth]": "/api/auth/session",
    "/api/referentiel/communes": "/api/referentiel/communes?q=carbon",
  });

  for (const role of ROLES) contexts[role] = await newContext(session.browser);
  for (const role of ["parentA", "parentB"] as const) {
    const page = await contexts[role].newPage();
    await signIn(page, parents[role].login, parents[role].password);
    await page.waitForURL("**/espace");
    await page.close();
  }
  for (const [role, account] of [
    ["agent", agent],
    ["admin", admin],
  ] as const) {
    const page = await contexts[role].newPage();
    await submitStaffPassword(page, account.login, PASSWORD);
    await page.waitForURL("**/admin/connexion/code");
    await enterTotpCode(page, account.totpSecret);
    await page.close();
  }
}, 180_000);

afterAll(async () => {
  for (const context of Object.values(contexts)) await context.close();
  await session?.close();
  await testPrisma().newsItem.deleteMany({ where: { id: created.news } });
  await testPrisma().publicDocument.deleteMany({ where: { id: created.publicDocument } });
  await testPrisma().staffUser.updateMany({ where: { id: { in: created.staff } }, data: { active: false } });
  await closeTestPrisma();
  await db().$disconnect();
});

const routes = appRoutes();

test("every address of app/ is classified (a new section needs a rule in __tests__/e2e/support/routes.ts)", () => {
  expect(routes.length).toBeGreaterThan(40);
  expect(routes.filter((route) => audienceOf(route.pattern) === null).map((route) => route.pattern)).toEqual([]);
  // The rules classify what they should.
  expect(audienceOf("/espace/documents/[id]")).toBe("parent");
  expect(audienceOf("/admin/journal")).toBe("admin");
  expect(audienceOf("/admin/declarations/[id]")).toBe("staff");
  expect(audienceOf("/admin/connexion/code")).toBe("staff-sign-in");
  expect(audienceOf("/quelque-chose-de-nouveau")).toBeNull();
});

async function fetchAs(role: Role, route: AppRoute, method: string): Promise<APIResponse> {
  const url = concrete(route.pattern, samples);
  const request = contexts[role].request;
  return method === "POST"
    ? request.post(url, { maxRedirects: 0, form: { cle: "ABCD-EFGH-JKMN-PQRS" } })
    : request.get(url, { maxRedirects: 0 });
}

const locationOf = (response: APIResponse) => {
  const location = response.headers()["location"];
  return location ? new URL(location, "http://x").pathname : null;
};

type Expectation = "allowed" | "/connexion" | "/admin/connexion" | "/admin/acces-refuse" | "no-data";

function expected(audience: Audience, role: Role, route: AppRoute): Expectation {
  const parent = role === "parentA" || role === "parentB";
  const staff = role === "agent" || role === "admin";
  switch (audience) {
    case "public":
    case "staff-sign-in":
    case "dev-tool":
      return "allowed";
    case "parent":
      if (parent) return "allowed";
      // The proxy lets a staff session's cookie through; the page then sends it to the parents' sign-in,
      // a route handler answers without data.
      return staff && route.kind === "route" ? "no-data" : "/connexion";
    case "staff":
      return staff ? "allowed" : "/admin/connexion";
    case "admin":
      if (role === "admin") return "allowed";
      return role === "agent" ? "/admin/acces-refuse" : "/admin/connexion";
  }
}

/** Left out, and why: the only exceptions. */
const NOT_IN_MATRIX: Record<string, string> = {
  // Sign-in and sign-out of Auth.js itself (CSRF-checked by Auth.js; driven by the sign-in journeys): posting
  // them blindly would sign the matrix's own callers out.
  "POST /api/auth/[...nextauth]": "Auth.js",
};

const cases = routes.flatMap((route) =>
  route.methods
    .filter((method) => !NOT_IN_MATRIX[`${method} ${route.pattern}`])
    .flatMap((method) => ROLES.map((role) => [`${method} ${route.pattern}`, role, route, method] as const)),
);

describe.each(cases)("%s as %s", (_label, role, route, method) => {
  test("answers as its audience allows, and holds nothing of the other parent", async () => {
    const audience = audienceOf(route.pattern)!;
    const response = await fetchAs(role, route, method);
    const status = response.status();
    const body = await response.text();
    expect(status).toBeLessThan(500);
    const expectation = expected(audience, role, route);
    if (expectation === "allowed") {
      // Its own audience is never sent to a sign-in page (the staff sign-in steps start over at step 1 without
      // the "password checked" cookie: that is their flow, not a refusal).
      if (audience !== "staff-sign-in") expect([locationOf(response)]).not.toContainEqual(expect.stringMatching(/^\/(admin\/)?connexion$/));
    } else if (expectation === "no-data") {
      expect([401, 403, 404]).toContain(status);
      expect(body.length).toBeLessThan(200);
    } else {
      expect([303, 307, 308]).toContain(status);
      expect(locationOf(response)).toBe(expectation);
      expect(body).not.toContain(parents.parentA.marker);
    }
    // No answer to one parent, or to a visitor, holds a parent's name that is not theirs.
    if (role !== "parentA") expect(body).not.toContain(parents.parentA.marker);
    if (role !== "parentB") expect(body).not.toContain(parents.parentB.marker);
  });
});

describe("files", () => {
  test("parent A downloads her document; parent B gets 404 (not 403), staff sessions 401, visitors the sign-in page", async () => {
    const path = `/espace/documents/${documentOfA}`;
    const own = await contexts.parentA.request.get(path, { maxRedirects: 0 });
    expect(own.status()).toBe(200);
    expect(new Uint8Array(await own.body())).toEqual(pdfOfA);
    expect(own.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(own.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(own.headers()["cache-control"]).toBe("private, no-store");

    const other = await contexts.parentB.request.get(path, { maxRedirects: 0 });
    expect(other.status()).toBe(404);
    expect(await other.text()).toBe("Document introuvable.");
    for (const role of ["agent", "admin"] as const)
      expect((await contexts[role].request.get(path, { maxRedirects: 0 })).status()).toBe(401);
    const visitor = await contexts["signed-out"].request.get(path, { maxRedirects: 0 });
    expect(locationOf(visitor)).toBe("/connexion");
  });

  test("an address that is not a document id is a 404 for its owner too", async () => {
    for (const value of ["..%2F..%2Fetc%2Fpasswd", "%00", "1%20OR%201%3D1", "00000000-0000-0000-0000-000000000000"]) {
      expect((await contexts.parentA.request.get(`/espace/documents/${value}`, { maxRedirects: 0 })).status()).toBe(404);
    }
  });

  test("an unpublished public document is served to nobody from the public address, and to staff from the back-office", async () => {
    for (const role of ROLES)
      expect((await contexts[role].request.get(`/documents-a-telecharger/${created.publicDocument}`, { maxRedirects: 0 })).status()).toBe(
        404,
      );
    expect((await contexts.agent.request.get(`/admin/documents/${created.publicDocument}/fichier`, { maxRedirects: 0 })).status()).toBe(
      200,
    );
    expect(locationOf(await contexts.parentA.request.get(`/admin/documents/${created.publicDocument}/fichier`, { maxRedirects: 0 }))).toBe(
      "/admin/connexion",
    );
  });

  test("the session endpoint tells each parent about themselves only", async () => {
    const a = await (await contexts.parentA.request.get("/api/auth/session")).json();
    const b = await (await contexts.parentB.request.get("/api/auth/session")).json();
    expect(a.user.id).toBe(parents.parentA.id);
    expect(b.user.id).toBe(parents.parentB.id);
    expect(await (await contexts["signed-out"].request.get("/api/auth/session")).json()).toBeNull();
  });
});
