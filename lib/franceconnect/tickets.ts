import "server-only";
import { env } from "@/lib/platform/env";
import { signValue, verifySignedValue } from "@/lib/platform/security/signed-value";
import { CALLBACK_PATH } from "./config";

/**
 * Short-lived signed values that carry a decision from one request to the next:
 * - the link request: a signed-in parent asked to link FranceConnect to their account (cookie read by the callback);
 * - the signup ticket: an account was just created from FranceConnect, open its session (never leaves the server).
 */

export const LINK_COOKIE = "ef_fc_association";
const LINK_LIFETIME_MS = 10 * 60 * 1000;
const SIGNUP_TICKET_LIFETIME_MS = 60 * 1000;

export interface LinkIntent {
  accountId: string;
  sessionVersion: number;
}

export function linkIntentCookie(intent: LinkIntent, now = Date.now()) {
  const value = signValue("franceconnect-link", `${intent.accountId}.${intent.sessionVersion}.${now + LINK_LIFETIME_MS}`);
  return {
    name: LINK_COOKIE,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax" as const,
      secure: env().APP_URL.startsWith("https://"),
      path: CALLBACK_PATH,
      maxAge: LINK_LIFETIME_MS / 1000,
    },
  };
}

export function expiredLinkIntentCookie() {
  const cookie = linkIntentCookie({ accountId: "", sessionVersion: 0 });
  return { ...cookie, value: "", options: { ...cookie.options, maxAge: 0 } };
}

export function readLinkIntent(cookieValue: string | undefined, now = Date.now()): LinkIntent | null {
  const value = verifySignedValue("franceconnect-link", cookieValue);
  const match = value ? /^([0-9a-f-]{36})\.(\d+)\.(\d+)$/.exec(value) : null;
  if (!match || Number(match[3]) < now) return null;
  return { accountId: match[1]!, sessionVersion: Number(match[2]) };
}

export interface SignupTicket {
  accountId: string;
  idToken: string;
}

export function signupTicket(ticket: SignupTicket, now = Date.now()): string {
  return signValue("franceconnect-signup", JSON.stringify({ a: ticket.accountId, t: ticket.idToken, e: now + SIGNUP_TICKET_LIFETIME_MS }));
}

export function readSignupTicket(value: unknown, now = Date.now()): SignupTicket | null {
  const json = verifySignedValue("franceconnect-signup", typeof value === "string" ? value : undefined);
  if (!json) return null;
  try {
    const parsed = JSON.parse(json) as { a?: unknown; t?: unknown; e?: unknown };
    if (typeof parsed.a !== "string" || typeof parsed.t !== "string" || typeof parsed.e !== "number" || parsed.e < now) return null;
    return { accountId: parsed.a, idToken: parsed.t };
  } catch {
    return null;
  }
}
