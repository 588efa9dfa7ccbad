// @ts-check

// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { STATIC_SECURITY_HEADERS } = require("./lib/platform/security/static-headers.js");

// Strict-Transport-Security depends on APP_URL at run time: proxy.ts sets it (lib/platform/security/headers.ts).

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or WebAssembly packages that must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "oidc-provider", "pg", "sharp"],
  experimental: {
    // Documents up to 10 MB travel through server actions.
    serverActions: { bodySizeLimit: "11mb" },
  },
  async headers() {
    // A declaration's document may be framed by the review page: its handler sets its own frame rules.
    return [{ source: "/((?!admin/declarations/[^/]+/pieces/).*)", headers: STATIC_SECURITY_HEADERS }];
  },
};

module.exports = nextConfig;
