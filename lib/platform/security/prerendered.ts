import { readFileSync } from "node:fs";
import path from "node:path";
import { cspHash } from "@/lib/platform/town/style";

/**
 * The inline scripts and styles of the pages `next build` prerendered, hashed for their Content-Security-Policy
 * (proxy.ts). A prerendered page is served from Next's cache as built: it cannot carry a per-request nonce, so
 * its CSP lists the hashes of exactly the inline elements it has. A page with no prerendered HTML is rendered
 * per request and gets a nonce. Pages are prerendered only when they read nothing of the request nor the
 * database (those say `dynamic = "force-dynamic"`): their HTML does not change until the next build, so
 * the hashes are read once per process.
 */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const PRERENDERED_DIR = path.join(process.cwd(), ".next", "server", "app");
const known = new Map<string, InlineHashes | null>();
/** Unknown addresses are remembered too, up to a bound (anyone can ask for any address). */
const MAX_REMEMBERED = 2_000;

export function inlineHashes(html: string): InlineHashes {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!).filter((text) => text.length > 0);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]!);
  return { scripts: [...new Set(scripts.map(cspHash))], styles: [...new Set(styles.map(cspHash))] };
}

function fileOf(pathname: string): string | null {
  if (pathname === "/") return path.join(PRERENDERED_DIR, "index.html");
  if (!/^(\/[a-z0-9][a-z0-9-]*)+$/.test(pathname)) return null;
  return path.join(PRERENDERED_DIR, `${pathname}.html`);
}

function read(file: string): InlineHashes | null {
  try {
    return inlineHashes(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** The hashes of the page prerendered for this address, or null when the page is rendered per request. */
export function prerenderedPage(pathname: string): InlineHashes | null {
  if (process.env.NODE_ENV !== "production") return null;
  const cached = known.get(pathname);
  if (cached !== undefined) return cached;
  const file = fileOf(pathname);
  const hashes = file ? read(file) : null;
  if (known.size < MAX_REMEMBERED) known.set(pathname, hashes);
  return hashes;
}
