import type { NextRequest } from "next/server";
import { startSignupFromFranceConnect } from "@/lib/account";
import { handlers } from "@/lib/auth/config";
import { shareQuotientAfterFranceConnect } from "@/lib/billing";
import { handleFranceConnectCallback, isFranceConnectCallback, type FranceConnectHooks } from "@/lib/franceconnect";

export const { POST } = handlers;

/**
 * What a FranceConnect sign-in does beyond signing in, wired here, at the top, so that FranceConnect (which
 * Auth.js's configuration, and so every feature, stands on) imports neither the wizard nor billing.
 */
const franceConnectHooks: FranceConnectHooks = { startSignup: startSignupFromFranceConnect, afterSignIn: shareQuotientAfterFranceConnect };

/** FranceConnect's return goes through its own wrapper: failures land on a French page naming the reason. */
export function GET(request: NextRequest) {
  return isFranceConnectCallback(request) ? handleFranceConnectCallback(request, handlers.GET, franceConnectHooks) : handlers.GET(request);
}
