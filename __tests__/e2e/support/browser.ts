import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const baseUrl = process.env.E2E_BASE_URL ?? "";

export const viewports = {
  phone: { width: 375, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

const executablePath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

// Flags that keep Chromium off this machine's closed network (see shared/notes/offline-stack.md).
const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** One Chromium per test file; Playwright gives each launch a fresh, empty profile of its own. */
export async function launchBrowser(): Promise<BrowserSession> {
  if (!executablePath) throw new Error("Chromium introuvable : apt-get install chromium (ou CHROMIUM_PATH).");
  const browser = await chromium.launch({ executablePath, headless: true, args });
  return { browser, close: () => browser.close() };
}

export async function newContext(
  browser: Browser,
  viewport: { width: number; height: number } = viewports.desktop,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl, viewport, locale: "fr-FR", timezoneId: "Europe/Paris" });
}

/**
 * axe on the page as it is now (WCAG 2.1 A and AA, the level RGAA 4 maps to).
 * Fails with the list of violations and the elements concerned.
 */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.nodes.map((node) => node.target.join(" ")).join("\n  ")}`,
  );
  expect(report).toEqual([]);
}

/** Pages must never scroll sideways on a phone (RGAA 10.11, reflow at 320 px). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
