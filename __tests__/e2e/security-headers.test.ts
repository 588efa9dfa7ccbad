import { launchBrowser, newContext, baseUrl, type BrowserSession } from "./support/browser";
import { closeTestPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";
import { signIn } from "./support/journeys";

/**
 * Security headers on real answers of the built portal (`next start`, NODE_ENV=production, over http):
 * pages, route handlers, redirects, 404s and static files. The builders themselves, https included
 * (HSTS, Secure cookies), are unit-tested in __tests__/unit/security-headers.test.ts.
 */
const get = (path: string) => fetch(new URL(path, baseUrl), { redirect: "manual" });

const STATIC_HEADERS: Record<string, RegExp> = {
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\).*geolocation=\(\)/,
  "x-frame-options": /^DENY$/,
};

function expectStaticHeaders(response: Response) {
  for (const [name, value] of Object.entries(STATIC_HEADERS))
    expect([name, response.headers.get(name)]).toEqual([name, expect.stringMatching(value)]);
  expect(response.headers.get("x-powered-by")).toBeNull();
}

function cspOf(response: Response) {
  const csp = response.headers.get("content-security-policy") ?? "";
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );
}

function expectNonceCsp(response: Response): string {
  const csp = cspOf(response);
  const scriptSrc = csp.get("script-src") ?? [];
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  const nonce = scriptSrc.find((value) => value.startsWith("'nonce-"));
  expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  return nonce!.slice("'nonce-".length, -1);
}

const answers: [string, string, number | number[]][] = [
  ["the home page", "/", 200],
  ["the sign-in page", "/connexion", 200],
  ["the staff sign-in page", "/admin/connexion", 200],
  ["a page that does not exist", "/cette-page-n-existe-pas", 404],
  ["a record that does not exist", "/actualites/nexiste-pas", 404],
  ["a route handler (anti-robot challenge)", "/api/securite/defi", 200],
  ["a route handler (Auth.js)", "/api/auth/session", 200],
  ["the parent's space, signed out (redirect)", "/espace", [307, 308]],
  ["the back-office, signed out (redirect)", "/admin/familles", [307, 308]],
];

describe.each(answers)("%s (%s)", (_label, path, status) => {
  test("carries the security headers and a nonce-based CSP", async () => {
    const response = await get(path);
    expect([status].flat()).toContain(response.status);
    expectStaticHeaders(response);
    expectNonceCsp(response);
    // `npm test` serves over http (APP_URL http://127.0.0.1): HSTS is sent only when APP_URL is https.
    expect(baseUrl.startsWith("http://")).toBe(true);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

test("a download address is sandboxed, even when the file does not exist", async () => {
  for (const path of [`/documents-a-telecharger/${crypto.randomUUID()}`, `/espace/documents/${crypto.randomUUID()}`]) {
    const response = await get(path);
    expect(response.status).toBeLessThan(500);
    expectStaticHeaders(response);
    expect(response.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
  }
});

test("the nonce is fresh on every answer and is the one on the page's scripts", async () => {
  const first = await get("/");
  const second = await get("/");
  const nonce = expectNonceCsp(first);
  expect(expectNonceCsp(second)).not.toBe(nonce);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("a public page that reads nothing of the request is rendered per request too: its scripts carry the nonce", async () => {
  const response = await get("/services");
  expect(response.status).toBe(200);
  const nonce = cspOf(response)
    .get("script-src")
    ?.find((value) => value.startsWith("'nonce-"))
    ?.slice(7, -1);
  expect(nonce).toBeTruthy();
  const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test("static files carry the headers too", async () => {
  const html = await (await get("/")).text();
  const asset = /\/_next\/static\/[^"']+\.(js|css)/.exec(html)?.[0];
  expect(asset).toBeDefined();
  for (const path of [asset!, "/pow-worker.js"]) {
    const response = await get(path);
    expect(response.status).toBe(200);
    expectStaticHeaders(response);
  }
});

describe("the session cookie", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session.close();
    await closeTestPrisma();
  });

  test("HttpOnly and SameSite=Lax (Secure only under https: see the unit test)", async () => {
    const parent = await createParent();
    const context = await newContext(session.browser);
    const page = await context.newPage();
    await signIn(page, parent.login, parent.password);
    await page.waitForURL("**/espace");
    const cookie = (await context.cookies()).find((item) => item.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    // Scripts of the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain("authjs.session-token");
    await context.close();
  });

  test("a public page's scripts all run under its CSP (the page is hydrated, nothing is blocked)", async () => {
    const context = await newContext(session.browser);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // React marks each element it has hydrated with a "__reactFiber$…" key: blocked scripts would leave none.
    const hydrated = async () => {
      const isHydrated = () => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber$"));
      await page.waitForFunction(isHydrated, undefined, { timeout: 10_000 }).catch(() => undefined);
      return page.evaluate(isHydrated);
    };
    await page.goto("/services", { waitUntil: "networkidle" });
    expect(await hydrated()).toBe(true);
    // Public pages link with plain anchors: the next page loads whole, under its own nonce, and hydrates too.
    await page.getByRole("link", { name: "Mentions légales et CGU" }).first().click();
    await page.waitForURL("**/mentions-legales");
    await page.waitForLoadState("networkidle");
    expect(await hydrated()).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });
});
