import { NextResponse, type NextRequest } from "next/server";
import { databaseIsAvailable } from "@/lib/db-health";
import { RETRY_AFTER_SECONDS, serviceUnavailableHtml } from "@/lib/db-health/unavailable-page";
import { env } from "@/lib/env";
import { hasStaffSessionToken, isAdminPath, isStaffSignInPath } from "@/lib/staff/proxy-gate";

/**
 * Runs before every page: a fresh CSP nonce per request (no 'unsafe-inline' script).
 * Access control for /espace and /admin is added here by the auth features, and checked
 * again in their layouts and in every server action.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const isDev = process.env.NODE_ENV === "development";
  // Chrome applies form-action to the redirects that follow a form's POST: the FranceConnect sign-in and
  // sign-out forms are answered with a redirect to FranceConnect.
  const franceConnectIssuer = env().FRANCECONNECT_ISSUER;
  const formAction = franceConnectIssuer ? `form-action 'self' ${new URL(franceConnectIssuer).origin}` : "form-action 'self'";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
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

  // The database is out of reach: answer 503 with a French page at once rather than let every page fail on
  // its first query (Next would render error.tsx with status 500). See lib/db-health for why it is done here.
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
      return NextResponse.redirect(url);
    }
  }

  // First gate of the back-office: only a staff session gets an /admin page, action or file; a parent's
  // session is not one. The admin layout and every action and route handler check it against the database.
  if (isAdminPath(pathname) && !isStaffSignInPath(pathname) && !(await hasStaffSessionToken(request))) {
    const url = request.nextUrl.clone();
    url.pathname = "/admin/connexion";
    url.search = "";
    return NextResponse.redirect(url);
  }

  // A declaration's document is shown in a frame of the review page: its handler sets a CSP of its own
  // (nothing runs, framed by our pages only); the pages' CSP would forbid the frame and the PDF viewer.
  if (isFramedDocumentPath(pathname)) return NextResponse.next();

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function isFramedDocumentPath(pathname: string): boolean {
  return /^\/admin\/declarations\/[0-9a-f-]{36}\/pieces\/[0-9a-f-]{36}$/i.test(pathname);
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|towns/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
