import { createHash } from "node:crypto";
import type { TownConfig } from "./types";

/**
 * The town's colours as CSS variables: the one inline style element of every page (app/layout.tsx).
 * Its hash is in every page's Content-Security-Policy (proxy.ts), so it needs no nonce and the pages that
 * need none can be prerendered.
 */
export function townStyleSheet({ primary, primaryDark, accent, accentText }: TownConfig["colours"]): string {
  return `:root{--town-primary:${primary};--town-primary-dark:${primaryDark};--town-accent:${accent};--town-accent-text:${accentText}}`;
}

/** The CSP source of an inline script or style element's exact text. */
export const cspHash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
