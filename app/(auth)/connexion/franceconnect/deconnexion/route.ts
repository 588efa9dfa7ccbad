import { NextResponse, type NextRequest } from "next/server";
import { LOGOUT_STATE_COOKIE, logoutStateMatches } from "@/lib/franceconnect/logout";

/** FranceConnect's post_logout_redirect_uri: the `state` it returns must be the one we sent, once. */
export function GET(request: NextRequest) {
  const confirmed = logoutStateMatches(request.cookies.get(LOGOUT_STATE_COOKIE.name)?.value, request.nextUrl.searchParams.get("state"));
  // Relative: the browser stays on its host (Next.js reports 127.0.0.1 as "localhost" in request.url).
  const response = new NextResponse(null, {
    status: 303,
    headers: { location: `/deconnexion?franceconnect=${confirmed ? "ok" : "non-confirmee"}` },
  });
  response.cookies.set(LOGOUT_STATE_COOKIE.name, "", { path: LOGOUT_STATE_COOKIE.path, maxAge: 0 });
  return response;
}
