import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { env } from "@/lib/platform/env";

/** Staff sign-in pages: the only /admin addresses open without a staff session. */
export function isStaffSignInPath(pathname: string): boolean {
  return pathname === "/admin/connexion" || pathname.startsWith("/admin/connexion/");
}

export function isAdminPath(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

/**
 * The proxy's gate for /admin: a session cookie that Auth.js can open and that says kind "staff".
 * It reads no database (the layout and every action do); a parent's session or no session fails here.
 */
export async function hasStaffSessionToken(request: NextRequest): Promise<boolean> {
  const secret = env().AUTH_SECRET;
  if (!secret) return false;
  const secureCookie = request.cookies.has("__Secure-authjs.session-token");
  const token = await getToken({ req: request, secret, secureCookie }).catch(() => null);
  return token?.kind === "staff";
}
