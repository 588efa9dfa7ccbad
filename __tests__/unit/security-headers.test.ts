import { createHash } from "node:crypto";
import {
  contentSecurityPolicy,
  DOWNLOAD_CSP,
  HSTS_VALUE,
  isSandboxedDownloadPath,
  strictTransportSecurity,
} from "@/lib/platform/security/headers";
import { cspHash, townStyleSheet } from "@/lib/platform/town/style";
import { sessionCookieSettings } from "@/lib/platform/security/cookies";
import { STATIC_SECURITY_HEADERS } from "@/lib/platform/security/static-headers";

/** The header builders proxy.ts and next.config.js use (the browser tests check them on real answers). */
const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .map(([name = "", ...values]) => [name, values]),
  );

describe("Content-Security-Policy", () => {
  test("scripts run by nonce only: no 'unsafe-inline', no eval in production", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  test("eval only for `next dev`; FranceConnect's origin joins form-action only", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
    const csp = directives(
      contentSecurityPolicy({ nonce: "n", dev: false, franceConnectIssuer: "https://oidc.franceconnect.gouv.fr/api/v2" }),
    );
    expect(csp.get("form-action")).toEqual(["'self'", "https://oidc.franceconnect.gouv.fr"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
  });
});

describe("Content-Security-Policy of the town's colours", () => {
  const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  test("the town's colours are allowed by their hash on every page (rendered per request, with a nonce)", () => {
    const style = townStyleSheet({ primary: "#1d4f91", primaryDark: "#143a6b", accent: "#e4003a", accentText: "#ffffff" });
    expect(cspHash(style)).toBe(sha(style));
    const csp = directives(contentSecurityPolicy({ nonce: "n0nce", styleHashes: [cspHash(style)], dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-n0nce'", sha(style)]);
  });
});

describe("Strict-Transport-Security", () => {
  test("in production behind https only", () => {
    expect(strictTransportSecurity({ appUrl: "https://famille.carbon-blanc.fr", production: true })).toBe(HSTS_VALUE);
    expect(HSTS_VALUE).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_VALUE)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(strictTransportSecurity({ appUrl: "http://127.0.0.1:3300", production: true })).toBeNull();
    expect(strictTransportSecurity({ appUrl: "https://famille.carbon-blanc.fr", production: false })).toBeNull();
  });
});

describe("headers on every answer (next.config.js)", () => {
  test("nosniff, referrer policy, permissions policy, no framing", () => {
    const headers = new Map(STATIC_SECURITY_HEADERS.map(({ key, value }) => [key, value]));
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    expect(headers.get("Permissions-Policy")).toMatch(/camera=\(\)/);
    expect(headers.get("Permissions-Policy")).toMatch(/geolocation=\(\)/);
  });

  test("next.config.js sends them on every path but a declaration's document framed by the review page", async () => {
    const config = (await import("@/next.config.js")).default as { headers(): Promise<{ source: string; headers: { key: string }[] }[]> };
    const rules = await config.headers();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.headers).toEqual(STATIC_SECURITY_HEADERS);
    // The source is a path-to-regexp pattern made of one regular expression group.
    const matches = (pathname: string) => new RegExp(`^${rules[0]!.source}$`).test(pathname);
    for (const pathname of [
      "/",
      "/espace",
      "/admin/declarations",
      "/admin/declarations/0196f000-0000-7000-8000-000000000001",
      "/_next/static/chunks/a.js",
      "/espace/documents/x",
    ]) {
      expect(matches(pathname)).toBe(true);
    }
    // That one answer sets its own frame rules (framed by the portal's pages only): see its route handler.
    expect(matches("/admin/declarations/0196f000-0000-7000-8000-000000000001/pieces/0196f000-0000-7000-8000-000000000002")).toBe(false);
  });
});

describe("the session cookie", () => {
  test("HttpOnly and SameSite=Lax always; Secure with its __Secure- name when APP_URL is https", () => {
    const https = sessionCookieSettings("https://famille.carbon-blanc.fr");
    expect(https.useSecureCookies).toBe(true);
    expect(https.cookies.sessionToken).toEqual({
      name: "__Secure-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    const http = sessionCookieSettings("http://localhost:3000");
    expect(http.useSecureCookies).toBe(false);
    expect(http.cookies.sessionToken).toEqual({
      name: "authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });
});

describe("downloads", () => {
  test("files are served in a sandbox; pages are not", () => {
    expect(DOWNLOAD_CSP).toMatch(/^sandbox;/);
    expect(directives(DOWNLOAD_CSP).get("default-src")).toEqual(["'none'"]);
    for (const path of [
      "/espace/documents/0190c2a4-0000-7000-8000-000000000000",
      "/documents-a-telecharger/abc",
      "/admin/familles/abc/lettre",
    ])
      expect(isSandboxedDownloadPath(path)).toBe(true);
    for (const path of ["/espace/documents", "/documents-a-telecharger", "/espace", "/admin/familles/abc", "/"])
      expect(isSandboxedDownloadPath(path)).toBe(false);
  });
});
