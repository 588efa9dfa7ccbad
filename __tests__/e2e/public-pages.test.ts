import type { BrowserContext, Page } from "playwright-core";
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  launchBrowser,
  newContext,
  viewports,
  type BrowserSession,
} from "./support/browser";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
});

async function open(viewport: { width: number; height: number }, path: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(session.browser, viewport);
  const page = await context.newPage();
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  return { context, page };
}

describe.each(Object.entries(viewports))("public pages at %s width", (_name, viewport) => {
  test("the home page shows the sign-in box, FranceConnect first, the welcome text and the demo news", async () => {
    const { context, page } = await open(viewport, "/");
    const signIn = page.getByRole("region", { name: "Mon Espace Famille" });
    await expect(signIn.getByRole("button", { name: /S'identifier avec\s*FranceConnect/ }).isVisible()).resolves.toBe(true);
    const link = page.getByRole("link", { name: "Qu'est-ce que FranceConnect ?" });
    expect(await link.getAttribute("title")).toBe("Qu'est-ce que FranceConnect ? - nouvelle fenêtre");
    // FranceConnect is placed before the identifier field.
    const fcBox = await signIn.getByRole("button", { name: /FranceConnect/ }).boundingBox();
    const loginBox = await signIn.getByLabel("Identifiant").boundingBox();
    expect(fcBox!.y).toBeLessThan(loginBox!.y);
    await expect(page.getByRole("link", { name: "Créer mon espace" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("heading", { name: /Bienvenue sur votre Espace/ }).isVisible()).resolves.toBe(true);
    // The newest news from the database (other tests publish some: count them rather than name one).
    const news = page.getByRole("region", { name: "Actualités" }).getByRole("listitem");
    expect(await news.count()).toBeGreaterThanOrEqual(1);
    expect(await news.count()).toBeLessThanOrEqual(4);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: `test-results/home-${viewport.width}.png`, fullPage: true });
    await context.close();
  });

  test.each([
    "/actualites",
    "/actualites/carte-scolaire",
    "/services",
    "/documents-a-telecharger",
    "/mentions-legales",
    "/donnees-personnelles",
    "/contacts",
    "/accessibilite",
  ])("%s renders, passes axe and does not scroll sideways", async (path) => {
    const { context, page } = await open(viewport, path);
    await expect(page.locator("h1").first().isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
    await context.close();
  });
});

test("the header menu works with the keyboard alone on a phone", async () => {
  const context = await newContext(session.browser, viewports.phone);
  const page = await context.newPage();
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Aller au contenu");
  const summary = page.locator("summary", { hasText: "Menu" });
  await summary.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("link", { name: "Actualités", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL("**/actualites");
  await expect(page.getByRole("heading", { level: 1, name: "Actualités" }).isVisible()).resolves.toBe(true);
  await context.close();
});

test("a public document downloads as a PDF", async () => {
  const context = await newContext(session.browser);
  const page = await context.newPage();
  await page.goto("/documents-a-telecharger");
  const href = await page.getByRole("link", { name: /Télécharger Mini-guide/ }).getAttribute("href");
  const response = await context.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await context.close();
});

test("every answer carries the security headers", async () => {
  const context = await newContext(session.browser);
  const response = await context.request.get("/");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-powered-by"]).toBeUndefined();
  await context.close();
});
