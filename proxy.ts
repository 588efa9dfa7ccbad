import { NextResponse, type NextRequest } from "next/server";
import { databaseIsAvailable } from "@/lib/platform/db/health";
import { RETRY_AFTER_SECONDS, serviceUnavailableHtml } from "@/lib/platform/db/unavailable-page";
import { env } from "@/lib/platform/env";
import { contentSecurityPolicy, DOWNLOAD_CSP, isSandboxedDownloadPath, strictTransportSecurity } from "@/lib/platform/security/headers";
import { logEvent } from "@/lib/platform/log";
import { town } from "@/lib/platform/town";
import { cspHash, townStyleSheet } from "@/lib/platform/town/style";
import { hasStaffSessionToken, isAdminPath, isStaffSignInPath } from "@/lib/staff/proxy-gate";

let townStyleHash: string | undefined;

/**
 * Runs before every page and route handler: a fresh CSP nonce per request (no 'unsafe-inline' script; every page
 * is rendered per request, see app/layout.tsx), HSTS when the portal is served over https, and the first gate of /espace and /admin (checked again
 * in their layouts and in every server action). The other security headers come from next.config.js.
 */
export async function proxy(request: NextRequest) {
  // One JSON line per request, with an id the reverse proxy may have set (X-Request-Id) or a new one, passed on
  // to the page and returned to the browser. The path only: a query string may carry a single-use token.
  const requestId = requestIdOf(request);
  logEvent("info", "request", { requestId, method: request.method, path: request.nextUrl.pathname });
  const response = await handle(request, requestId);
  response.headers.set("X-Request-Id", requestId);
  return response;
}

function requestIdOf(request: NextRequest): string {
  const given = request.headers.get("x-request-id");
  return given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
}

async function handle(request: NextRequest, requestId: string) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const franceConnectIssuer = env().FRANCECONNECT_ISSUER;
  const paymentPage = env().PAYFIP_BASE_URL ?? "https://www.payfip.gouv.fr";
  townStyleHash ??= cspHash(townStyleSheet(town().colours));
  const csp = contentSecurityPolicy({ nonce, styleHashes: [townStyleHash], dev, franceConnectIssuer, paymentPage });
  const hsts = strictTransportSecurity({ appUrl: env().APP_URL, production: process.env.NODE_ENV === "production" });
  // A download keeps its sandbox: the proxy's header would otherwise replace the route handler's.
  const responseCsp = isSandboxedDownloadPath(request.nextUrl.pathname) ? DOWNLOAD_CSP : csp;
  const secured = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", responseCsp);
    if (hsts) response.headers.set("Strict-Transport-Security", hsts);
    return response;
  };

  // The database is out of reach: answer 503 with a French page at once rather than let every page fail on
  // its first query (Next would render error.tsx with status 500). See lib/platform/db/health for why it is done here.
  const { pathname, search } = request.nextUrl;
  if (!(await databaseIsAvailable())) {
    return new NextResponse(serviceUnavailableHtml({ retryHref: pathname + search, nonce }), {
      status: 503,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Retry-After": String(RETRY_AFTER_SECONDS),
        "Content-Security-Policy": csp,
      },
    });
  }

  // First gate of the parent's space: no session cookie, no page. The layout and every action
  // check the session itself against the database.
  if (pathname === "/espace" || pathname.startsWith("/espace/")) {
    const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
    if (!hasSession) {
      const url = request.nextUrl.clone();
      url.pathname = "/connexion";
      url.search = `?retour=${encodeURIComponent(pathname + search)}`;
      return secured(NextResponse.redirect(url));
    }
  }

  // First gate of the back-office: only a staff session gets an /admin page, action or file; a parent's
  // session is not one. The admin layout and every action and route handler check it against the database.
  if (isAdminPath(pathname) && !isStaffSignInPath(pathname) && !(await hasStaffSessionToken(request))) {
    const url = request.nextUrl.clone();
    url.pathname = "/admin/connexion";
    url.search = "";
    return secured(NextResponse.redirect(url));
  }

  // A declaration's document is shown in a frame of the review page: its handler sets a CSP of its own
  // (nothing runs, framed by our pages only); the pages' CSP would forbid the frame and the PDF viewer.
  if (isFramedDocumentPath(pathname)) {
    const framedHeaders = new Headers(request.headers);
    framedHeaders.set("x-request-id", requestId);
    const framed = NextResponse.next({ request: { headers: framedHeaders } });
    if (hsts) framed.headers.set("Strict-Transport-Security", hsts);
    return framed;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  return secured(NextResponse.next({ request: { headers: requestHeaders } }));
}

function isFramedDocumentPath(pathname: string): boolean {
  return /^\/admin\/declarations\/[0-9a-f-]{36}\/pieces\/[0-9a-f-]{36}$/i.test(pathname);
}

/**
 * Every page and route handler, prefetches included: a prefetch of /espace gets the same gate, CSP and French
 * 503 as a navigation (skipping them for `next-router-prefetch` or `purpose: prefetch` left such responses bare).
 */
export const config = {
  // /api/sante answers for itself, in JSON, even when the database is down.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|towns/|api/sante$).*)"],
};
