import nextJest from "next/jest.js";

// next/jest brings the SWC transform, path aliases from tsconfig and the `server-only` stub.
const createJestConfig = nextJest({ dir: "./" });

// next-auth, Auth.js and the OAuth/JOSE libraries under them ship ES modules only: let SWC turn them
// into CommonJS for Jest (tests of the FranceConnect callback drive the real Auth.js handlers).
const ESM_ONLY = ["next-auth", "@auth/core", "oauth4webapi", "jose", "preact-render-to-string", "preact"];
const transpileEsmOnly = (project) => ({
  ...project,
  transformIgnorePatterns: project.transformIgnorePatterns.map((pattern) => pattern.replace("(?!(", `(?!(${ESM_ONLY.join("|")}|`)),
});

const shared = {
  moduleNameMapper: { "^@/(.*)$": "<rootDir>/$1" },
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/.data/"],
};

const projects = (
  await Promise.all([
    createJestConfig({
      ...shared,
      displayName: "unit",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/unit/**/*.test.ts"],
    })(),
    createJestConfig({
      ...shared,
      displayName: "components",
      testEnvironment: "jsdom",
      setupFilesAfterEnv: ["<rootDir>/__tests__/components/setup.ts"],
      testMatch: ["<rootDir>/__tests__/components/**/*.test.tsx"],
    })(),
    createJestConfig({
      ...shared,
      displayName: "integration",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts"],
      setupFiles: ["<rootDir>/__tests__/integration/support/require-database.ts"],
    })(),
    createJestConfig({
      ...shared,
      displayName: "e2e",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/e2e/**/*.test.ts"],
      setupFiles: ["<rootDir>/__tests__/e2e/support/require-server.ts"],
    })(),
    createJestConfig({
      ...shared,
      displayName: "faults",
      testEnvironment: "node",
      testMatch: ["<rootDir>/__tests__/faults/**/*.test.ts"],
      setupFiles: ["<rootDir>/__tests__/faults/support/require-build.ts"],
    })(),
  ])
).map(transpileEsmOnly);

/** @type {import('jest').Config} */
const config = { projects, testTimeout: 30_000 };
export default config;
