// @ts-check

/**
 * Headers that do not depend on the request. The Content-Security-Policy carries a fresh nonce
 * per request and is therefore set in proxy.ts.
 * @type {{ key: string; value: string }[]}
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

if (process.env.NODE_ENV === "production" && (process.env.APP_URL ?? "").startsWith("https://")) {
  securityHeaders.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
}

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
    return [{ source: "/((?!admin/declarations/[^/]+/pieces/).*)", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
