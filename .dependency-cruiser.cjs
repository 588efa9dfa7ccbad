// @ts-check
/**
 * The layout's rules, checked by `npm run lint` (see the README's "Où mettre quoi").
 * - lib/platform/<name>: what every feature stands on (db, env, mail, storage, security...). It imports no feature.
 * - lib/<feature>: one folder per feature. Another feature imports it only through its public entries:
 *   index.ts (server code), schemas.ts (zod schemas and pure rules, safe in the browser), actions.ts (server
 *   actions), jobs.ts (its background jobs, for the worker's list in lib/worker/jobs.ts) and components/ (its UI).
 *   Routes (app/) and tests may import any file of a feature.
 * - components/: UI shared by several features; it imports platform code only.
 */
const FEATURE = "^lib/(?!platform/|generated/)([^/]+)/";
const PUBLIC_ENTRY = "(index|schemas|actions|jobs)\\.tsx?$|components/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle between files: move what both need into a third file, or into lib/platform.",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      severity: "error",
      scope: "folder",
      comment: "Two folders import each other: one of them should stand on the other, not both.",
      from: { path: "^(lib|components)/" },
      to: { circular: true },
    },
    {
      name: "platform-imports-no-feature",
      severity: "error",
      comment: "lib/platform is under every feature: it may import only lib/platform and the Prisma client.",
      from: { path: "^lib/platform/" },
      to: { path: "^(lib/(?!platform/|generated/)|components/|app/)" },
    },
    {
      name: "shared-components-import-no-feature",
      severity: "error",
      comment: "components/ holds UI shared by several features: it may import lib/platform, not a feature.",
      from: { path: "^components/" },
      to: { path: "^(lib/(?!platform/|generated/)|app/)" },
    },
    {
      name: "feature-through-its-entries",
      severity: "error",
      comment:
        "A feature imports another only through its public entries (index.ts, schemas.ts, actions.ts, jobs.ts, components/), never its internals.",
      from: { path: FEATURE },
      to: { path: "^lib/(?!platform/|generated/)[^/]+/", pathNot: ["^lib/$1/", `^lib/[^/]+/(${PUBLIC_ENTRY})`] },
    },
    {
      name: "lib-imports-no-route",
      severity: "error",
      comment: "Routes (app/) are the top: nothing under lib/ or components/ imports them.",
      from: { path: "^(lib|components)/" },
      to: { path: "^app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/generated|node_modules|\\.next)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
