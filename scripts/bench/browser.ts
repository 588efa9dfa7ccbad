/**
 * What a phone receives: the JavaScript each page makes the browser download (gzipped), measured in
 * Debian's Chromium driven by playwright-core, and Lighthouse's scores for the phone (its default
 * mobile profile: Moto G Power screen, simulated slow 4G and 4x slower CPU).
 */
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { medianBy } from "./stats";

export const chromiumPath =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((file) => existsSync(file));

// The browser tests' flags: they keep Chromium off this machine's closed network.
const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface PageToMeasure {
  label: string;
  path: string;
  /** Cookie header of a signed-in parent, for pages of the parent's space. */
  cookie?: string;
}

export interface JavaScriptWeight {
  label: string;
  path: string;
  /** Scripts downloaded by the page's first load. */
  files: number;
  /** Their size once gzipped (zlib's default level, as `next start` compresses), in bytes. */
  gzipBytes: number;
  rawBytes: number;
}

function sessionCookies(baseUrl: string, cookie: string | undefined) {
  if (!cookie) return [];
  return cookie.split("; ").map((pair) => {
    const equals = pair.indexOf("=");
    return { name: pair.slice(0, equals), value: pair.slice(equals + 1), url: baseUrl };
  });
}

/** Loads each page in a fresh phone-sized context and adds up the JavaScript it downloads. */
export async function measureJavaScript(baseUrl: string, pages: PageToMeasure[]): Promise<JavaScriptWeight[]> {
  if (!chromiumPath) throw new Error("Chromium introuvable : apt-get install chromium (ou CHROMIUM_PATH).");
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  try {
    const weights: JavaScriptWeight[] = [];
    for (const target of pages) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: "fr-FR" });
      await context.addCookies(sessionCookies(baseUrl, target.cookie));
      const page = await context.newPage();
      const bodies: Promise<Buffer>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script" && response.ok()) bodies.push(response.body());
      });
      const response = await page.goto(`${baseUrl}${target.path}`, { waitUntil: "networkidle" });
      if (!response?.ok() || new URL(page.url()).pathname !== target.path) {
        throw new Error(`${target.path} : page inattendue (${response?.status()} ${page.url()})`);
      }
      const scripts = await Promise.all(bodies);
      weights.push({
        label: target.label,
        path: target.path,
        files: scripts.length,
        gzipBytes: scripts.reduce((sum, body) => sum + gzipSync(body).byteLength, 0),
        rawBytes: scripts.reduce((sum, body) => sum + body.byteLength, 0),
      });
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}

export interface LighthouseScores {
  label: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The metrics behind the performance score, in ms (CLS unitless): what to look at when it drops. */
  metrics: { firstContentfulPaint: number; largestContentfulPaint: number; totalBlockingTime: number; cumulativeLayoutShift: number };
}

/**
 * Lighthouse (mobile) on each page, in the same Chromium; scores out of 100. With several runs per page,
 * the run with the median performance score is kept (the performance score moves with the machine's load).
 */
export async function runLighthouse(baseUrl: string, pages: PageToMeasure[], port: number, runsPerPage = 1): Promise<LighthouseScores[]> {
  if (!chromiumPath) throw new Error("Chromium introuvable : apt-get install chromium (ou CHROMIUM_PATH).");
  const { launch } = await import("chrome-launcher");
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await launch({ chromePath: chromiumPath, port, chromeFlags: ["--headless=new", ...chromiumFlags] });
  try {
    const scores: LighthouseScores[] = [];
    for (const target of pages) {
      const runs: LighthouseScores[] = [];
      for (let run = 0; run < runsPerPage; run += 1) runs.push(await lighthouseOnce(target));
      scores.push(medianBy(runs, (run) => run.performance));
    }
    return scores;
  } finally {
    chrome.kill();
  }

  async function lighthouseOnce(target: PageToMeasure): Promise<LighthouseScores> {
    const result = await lighthouse(`${baseUrl}${target.path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: target.cookie ? { Cookie: target.cookie } : undefined,
    });
    const categories = result?.lhr.categories;
    const finalUrl = result?.lhr.finalDisplayedUrl ?? "";
    if (!categories || new URL(finalUrl).pathname !== target.path)
      throw new Error(`Lighthouse n'a pas mesuré ${target.path} (arrivé sur ${finalUrl}).`);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => result?.lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      label: target.label,
      path: target.path,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      metrics: {
        firstContentfulPaint: metric("first-contentful-paint"),
        largestContentfulPaint: metric("largest-contentful-paint"),
        totalBlockingTime: metric("total-blocking-time"),
        cumulativeLayoutShift: metric("cumulative-layout-shift"),
      },
    };
  }
}
