import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/platform/env";
import { sessionCookieSettings } from "@/lib/platform/security/cookies";
import { franceConnectProviders, franceConnectSignIn, franceConnectToken } from "@/lib/franceconnect";
import { recordCallbackFailure } from "@/lib/franceconnect";
import { FRANCECONNECT_PROVIDER_ID } from "@/lib/franceconnect";
import { staffCredentialsProvider } from "@/lib/auth/staff-provider";
import type { StaffRole } from "@/lib/platform/security/roles";
import { verifyParentCredentials, type ParentSignInFailure } from "./credentials";
import { sessionUserOf } from "./request-session";
import { endSessions, PARENT_SESSION_MAX_AGE_SECONDS, sessionExpired, sessionStillOpen } from "./session-token";

/**
 * Auth.js: JWT sessions in an HttpOnly cookie. The token carries who is signed in and the
 * account's session version; server code checks that version against the database
 * (lib/auth/session.ts), so a password change or a closed account ends the other sessions; signing out bumps
 * it too (events.signOut), so a copied cookie opens nothing afterwards. Every session has a hard maximum
 * lifetime from its sign-in (lib/auth/session-token.ts), whatever the refreshes.
 */
declare module "next-auth" {
  interface User {
    kind?: "parent" | "staff";
    role?: StaffRole;
    sessionVersion?: number;
    /** Set when the session comes from FranceConnect: its id_token, for the logout redirect. */
    franceConnectIdToken?: string;
  }
  interface Session {
    user: { id: string; kind: "parent" | "staff"; role?: StaffRole; sessionVersion: number; authAt: number };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    kind?: "parent" | "staff";
    sv?: number;
    /** Staff only: the role when signing in (pages re-read it from the database). */
    role?: StaffRole;
    /** When the person signed in (unix seconds): the session ends at a fixed time after it. */
    authAt?: number;
    /** FranceConnect's id_token (id_token_hint of its logout). Server-side only: never copied into the session. */
    fcIdToken?: string;
  }
}

/** Carries the reason to the sign-in action; the code never names which of identifier or password was wrong. */
export class ParentSignInError extends CredentialsSignin {
  constructor(public readonly reason: ParentSignInFailure) {
    super();
    this.code = reason;
  }
}

export const SESSION_MAX_AGE_SECONDS = PARENT_SESSION_MAX_AGE_SECONDS;

// auth() for server code reads the cookie's token without Auth.js's session route (request-session.ts).
export { auth } from "./request-session";

export const { handlers, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // HttpOnly, SameSite=Lax, and Secure when APP_URL is https (lib/platform/security/cookies.ts).
  ...sessionCookieSettings(env().APP_URL),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  // A refused sign-in is an expected outcome, not a server error: keep it out of the error log.
  logger: {
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      // A failed FranceConnect return is shown to the person on its own page, with the reason.
      if (recordCallbackFailure(error)) return;
      console.error(error);
    },
  },
  events: {
    // "Se déconnecter" (parents and staff, by our actions or Auth.js's own route) ends the session server-side.
    async signOut(message) {
      if ("token" in message) await endSessions(message.token);
    },
  },
  providers: [
    Credentials({
      id: "parent",
      name: "Identifiant et mot de passe",
      credentials: { login: {}, password: {} },
      async authorize(credentials) {
        const result = await verifyParentCredentials(String(credentials.login ?? ""), String(credentials.password ?? ""));
        if (!result.ok) throw new ParentSignInError(result.reason);
        return { id: result.account.id, kind: "parent", sessionVersion: result.account.sessionVersion };
      },
    }),
    staffCredentialsProvider,
    // Parents only: a FranceConnect identity is linked to a parent's account, never to staff.
    ...franceConnectProviders(),
  ],
  callbacks: {
    signIn({ account, profile }) {
      if (account?.provider === FRANCECONNECT_PROVIDER_ID) return franceConnectSignIn(account, profile);
      return true;
    },
    async jwt({ token, user, account }) {
      const now = Math.floor(Date.now() / 1000);
      if (account?.provider === FRANCECONNECT_PROVIDER_ID) {
        const opened = franceConnectToken(token, account);
        if (opened) opened.authAt = now;
        return opened;
      }
      if (user) {
        token.kind = user.kind;
        token.sv = user.sessionVersion;
        token.authAt = now;
        if (user.franceConnectIdToken) token.fcIdToken = user.franceConnectIdToken;
        if (user.kind === "staff") token.role = user.role;
      } else if (!(await sessionStillOpen(token))) {
        // Signed out, password changed, account closed or deactivated: no refreshed cookie for this token.
        return null;
      }
      // Past its hard maximum (12 h for a parent, 8 h for staff) the cookie is dropped, whatever the refreshes.
      if (sessionExpired(token)) return null;
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, ...sessionUserOf(token) };
      return session;
    },
  },
}));
