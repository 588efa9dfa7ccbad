import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Every address of the portal, read from the app/ folder (pages and route handlers), so a new page is
 * in the authorization matrix the day it is added: classified by its path prefix, or reported as
 * unclassified (and the matrix test fails, naming it).
 */
export interface AppRoute {
  /** "/admin/familles/[id]/lettre": the folder path, route groups removed. */
  pattern: string;
  kind: "page" | "route";
  /** For a route handler, the methods it exports; a page answers GET. */
  methods: string[];
}

export type Audience =
  /** Anyone: public pages, sign-in, account creation, public files and APIs. */
  | "public"
  /** The staff sign-in steps: open to anyone, they hold no data. */
  | "staff-sign-in"
  /** The local mailbox, a development tool served only with the local stand-ins (never in production). */
  | "dev-tool"
  /** Signed-in parents only. */
  | "parent"
  /** Agents and administrators. */
  | "staff"
  /** Administrators only. */
  | "admin";

const APP = path.join(process.cwd(), "app");

export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (directory: string, segments: string[]) => {
    for (const entry of readdirSync(directory)) {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) {
        // (group) folders do not appear in the address; _private and @slot folders are not routes.
        if (entry.startsWith("_") || entry.startsWith("@")) continue;
        walk(full, /^\(.*\)$/.test(entry) ? segments : [...segments, entry]);
      } else if (/^page\.(tsx|ts|jsx|js)$/.test(entry)) {
        routes.push({ pattern: `/${segments.join("/")}`, kind: "page", methods: ["GET"] });
      } else if (/^route\.(ts|js)$/.test(entry)) {
        const source = readFileSync(full, "utf8");
        // export function GET, export const POST = ..., export const { GET, POST } = handlers, export { GET }.
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) =>
          new RegExp(
            `export\\s+(async\\s+)?(function|const)\\s+${method}\\b|export\\s+(const|let)\\s*\\{[^}]*\\b${method}\\b[^}]*\\}|export\\s*\\{[^}]*\\b${method}\\b`,
          ).test(source),
        );
        routes.push({ pattern: `/${segments.join("/")}`, kind: "route", methods });
      }
    }
  };
  walk(APP, []);
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Exceptions to the prefix rules, and only those. */
const ADMIN_ONLY = ["/admin/commune", "/admin/agents", "/admin/journal", "/admin/taches"];
const PUBLIC_PREFIXES = [
  "/actualites",
  "/contacts",
  "/documents-a-telecharger",
  "/donnees-personnelles",
  "/mentions-legales",
  "/services",
  "/carte-scolaire",
  "/accessibilite",
  "/connexion",
  "/creer-mon-espace",
  "/compte-ferme",
  "/activation",
  "/mot-de-passe-oublie",
  "/deconnexion",
  "/confirmer-mon-courriel",
  "/api",
];

const under = (pattern: string, prefix: string) => pattern === prefix || pattern.startsWith(`${prefix}/`);

/** The audience of an address by its prefix; null when no rule covers it (a new top-level section). */
export function audienceOf(pattern: string): Audience | null {
  if (under(pattern, "/admin/connexion")) return "staff-sign-in";
  if (ADMIN_ONLY.some((prefix) => under(pattern, prefix))) return "admin";
  if (under(pattern, "/admin")) return "staff";
  if (under(pattern, "/espace")) return "parent";
  if (under(pattern, "/dev")) return "dev-tool";
  if (pattern === "/" || PUBLIC_PREFIXES.some((prefix) => under(pattern, prefix))) return "public";
  return null;
}

/** A concrete address for a pattern: each [param] from the samples, else a random UUID (an unknown record). */
export function concrete(pattern: string, samples: Record<string, string>): string {
  if (samples[pattern]) return samples[pattern]!;
  return pattern.replace(/\[\[?(?:\.\.\.)?[^\]]+\]\]?/g, () => crypto.randomUUID());
}
