/**
 * The per-request security headers set by proxy.ts, built here so a unit test can read them:
 * a Content-Security-Policy with a fresh nonce (no 'unsafe-inline' script), and HSTS when the portal
 * is served over https.
 */
export interface CspOptions {
  /** The request's nonce (every page is rendered per request). Without one, no inline script runs. */
  nonce?: string;
  /** Sources of inline style elements allowed by their exact text (the town's colours). */
  styleHashes?: readonly string[];
  /** `next dev` needs eval for its fast refresh; never in production. */
  dev: boolean;
  /** FranceConnect's issuer, when configured: its origin joins form-action. */
  franceConnectIssuer?: string;
  /** PayFiP's address: "Payer en ligne" is a form answered with a redirect to PayFiP's payment page. */
  paymentPage?: string;
}

/**
 * Closed to injected scripts (no 'unsafe-inline'): a nonce per request with 'strict-dynamic' (what the nonce'd
 * scripts load is trusted; 'self' is ignored by browsers that know 'strict-dynamic').
 */
export function contentSecurityPolicy({ nonce, styleHashes = [], dev, franceConnectIssuer, paymentPage }: CspOptions): string {
  // Chrome applies form-action to the redirects that follow a form's POST: the FranceConnect sign-in and
  // sign-out forms are answered with a redirect to FranceConnect.
  const formAction = [
    "form-action 'self'",
    ...[franceConnectIssuer, paymentPage].filter((url): url is string => Boolean(url)).map((url) => new URL(url).origin),
  ].join(" ");
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []), ...(dev ? ["'unsafe-eval'"] : [])].join(" "),
    ["style-src 'self'", ...(nonce ? [`'nonce-${nonce}'`] : []), ...styleHashes].join(" "),
    // Style attributes (next/image sets one) cannot run code; style elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    // The proof-of-work worker is a static file of ours ('strict-dynamic' would otherwise ignore 'self').
    "worker-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    formAction,
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * HSTS only where it means something: a production portal whose public address (APP_URL) is https.
 * Decided at run time (the same build may be started behind https or, for the browser tests, on http).
 */
export function strictTransportSecurity({ appUrl, production }: { appUrl: string; production: boolean }): string | null {
  return production && appUrl.startsWith("https://") ? HSTS_VALUE : null;
}

/**
 * Files offered as downloads (a parent's documents, public forms, the Clé Enfance letter) are isolated:
 * opened anyway, they run nothing in the portal's origin. The proxy must send this policy itself on
 * those addresses: Next gives the proxy's headers precedence over the route handler's.
 */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";

const DOWNLOAD_PATHS = [
  /^\/espace\/documents\/[^/]+\/?$/,
  /^\/documents-a-telecharger\/[^/]+\/?$/,
  /^\/admin\/familles\/[^/]+\/lettre\/?$/,
  /^\/espace\/factures\/[^/]+\/pdf\/?$/,
  /^\/admin\/facturation\/quotients\/[^/]+\/attestation\/?$/,
];

export function isSandboxedDownloadPath(pathname: string): boolean {
  return DOWNLOAD_PATHS.some((pattern) => pattern.test(pathname));
}
