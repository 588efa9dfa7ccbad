// @ts-check

/**
 * Security headers that do not depend on the request, for every answer (pages, route handlers, 404s,
 * static assets): next.config.js sends them. The Content-Security-Policy carries a fresh nonce per request
 * and Strict-Transport-Security depends on APP_URL at run time: both are set in proxy.ts
 * (lib/platform/security/headers.ts). Plain CommonJS so that next.config.js can require it.
 * @type {{ key: string; value: string }[]}
 */
const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

module.exports = { STATIC_SECURITY_HEADERS };
