import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { NextResponse, type NextRequest } from "next/server";
import type { FranceConnectDraft } from "./claims";
import { CALLBACK_PATH } from "./config";
import { classifyFailure, describeFailure, failurePath, type FailureReason } from "./failures";

/**
 * FranceConnect's return to Auth.js's callback route, wrapped: Auth.js verifies state, nonce and PKCE and
 * redeems the code; our signIn callback then checks the rest (lib/franceconnect/auth.ts). This wrapper
 * - sends every failure, whichever layer saw it, to one French page naming the reason;
 * - lets the signIn callback read the request's cookies and add cookies to the response (the signup draft,
 *   the end of a link request) without depending on Next's request scope.
 */
export interface CookieToSet {
  name: string;
  value: string;
  options: { httpOnly: boolean; sameSite: "lax"; secure: boolean; path: string; maxAge: number };
}

/**
 * What a FranceConnect sign-in does in the features that stand on FranceConnect (the account wizard, the
 * quotient familial). The callback's route hands them in, so FranceConnect imports none of those features.
 */
export interface FranceConnectHooks {
  /** An unknown person: opens the account-creation wizard with FranceConnect's identity; returns its cookie. */
  startSignup(draft: FranceConnectDraft): Promise<CookieToSet>;
  /** A linked account signed in: what is owed to this sign-in (the quotient the parent consented to share). */
  afterSignIn(signIn: { accountId: string; accessToken: string | undefined; cookies: ReadonlyMap<string, string> }): Promise<CookieToSet[]>;
}

interface CallbackContext {
  cookies: Map<string, string>;
  hooks: FranceConnectHooks;
  setCookies: CookieToSet[];
  failure?: FailureReason;
  /** The account the signIn callback resolved, for the jwt callback. */
  session?: { accountId: string; sessionVersion: number };
}

const storage = new AsyncLocalStorage<CallbackContext>();

export function callbackContext(): CallbackContext {
  const context = storage.getStore();
  if (!context) throw new Error("FranceConnect's sign-in callback ran outside its route");
  return context;
}

/**
 * Auth.js's logger sees every error before it turns it into a redirect: keep the first one's reason.
 * Returns true when the failure is an expected one of FranceConnect's return (logged here in one line).
 */
export function recordCallbackFailure(error: unknown): boolean {
  const context = storage.getStore();
  if (!context) return false;
  const reason = classifyFailure(error);
  context.failure ??= reason;
  if (reason === "inconnue") return false;
  console.warn(`[franceconnect] return refused (${reason}): ${describeFailure(error)}`);
  return true;
}

export function isFranceConnectCallback(request: NextRequest): boolean {
  return request.nextUrl.pathname === CALLBACK_PATH;
}

export async function handleFranceConnectCallback(
  request: NextRequest,
  handler: (request: NextRequest) => Promise<Response>,
  hooks: FranceConnectHooks,
): Promise<Response> {
  const params = request.nextUrl.searchParams;
  const providerError = params.get("error");
  if (providerError) {
    // The person went back without signing in (access_denied), or FranceConnect refused the request.
    return redirectTo(failurePath(providerError === "access_denied" ? "annulee" : "refusee"));
  }

  const context: CallbackContext = {
    cookies: new Map(request.cookies.getAll().map((cookie) => [cookie.name, cookie.value])),
    hooks,
    setCookies: [],
  };
  const response = await storage.run(context, () => handler(asSeenByBrowser(request)));
  const location = response.headers.get("location");
  const target = location ? new URL(location, request.nextUrl.origin) : null;
  // Auth.js ends a failed callback on its error or sign-in page with ?error=...
  const authJsFailure = !target || target.searchParams.has("error") || target.pathname.startsWith("/api/auth/");
  const final = authJsFailure ? redirectTo(failurePath(context.failure ?? "inconnue")) : new NextResponse(null, response);
  if (authJsFailure) {
    for (const cookie of response.headers.getSetCookie()) final.headers.append("set-cookie", cookie);
  }
  for (const cookie of context.setCookies) final.cookies.set(cookie.name, cookie.value, cookie.options);
  return final;
}

/** A relative redirect: the browser stays on the host it used (http://127.0.0.1:… in the browser tests). */
function redirectTo(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path } });
}

/**
 * The request with the URL the browser used. Next.js rewrites 127.0.0.1 to "localhost" in a route handler's
 * request URL, while the sign-in (a server action) builds the redirect_uri from the Host header, as Auth.js
 * does: the code would then be redeemed with another redirect_uri than the one it was issued for, and
 * FranceConnect answers invalid_grant. Same headers as Auth.js's own sign-in URL.
 */
function asSeenByBrowser(request: NextRequest): NextRequest {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host) return request;
  const protocol = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol).replace(/:?$/, ":");
  const url = `${protocol}//${host}${request.nextUrl.pathname}${request.nextUrl.search}`;
  // A plain Request: a NextRequest would normalise the host again. Auth.js reads only url, method and headers.
  return new Request(url, { method: request.method, headers: request.headers }) as NextRequest;
}
