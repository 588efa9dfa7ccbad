import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/platform/env";
import { sessionCookieSettings } from "@/lib/platform/security/cookies";
import { franceConnectProviders, franceConnectSignIn, franceConnectToken } from "@/lib/franceconnect/auth";
import { recordCallbackFailure } from "@/lib/franceconnect/callback";
import { FRANCECONNECT_PROVIDER_ID } from "@/lib/franceconnect/config";
import { staffCredentialsProvider } from "@/lib/auth/staff-provider";
import { STAFF_SESSION_MAX_AGE_SECONDS, type StaffRole } from "@/lib/platform/security/roles";
import { verifyParentCredentials, type ParentSignInFailure } from "./credentials";

/**
 * Auth.js: JWT sessions in an HttpOnly cookie. The token carries who is signed in and the
 * account's session version; server code checks that version against the database
 * (lib/auth/session.ts), so a password change or a closed account ends the other sessions.
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
    user: { id: string; kind: "parent" | "staff"; role?: StaffRole; sessionVersion: number };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    kind?: "parent" | "staff";
    sv?: number;
    /** Staff only: the role when signing in (pages re-read it from the database) and when (unix seconds). */
    role?: StaffRole;
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

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
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
    jwt({ token, user, account }) {
      if (account?.provider === FRANCECONNECT_PROVIDER_ID) return franceConnectToken(token, account);
      if (user) {
        token.kind = user.kind;
        token.sv = user.sessionVersion;
        if (user.franceConnectIdToken) token.fcIdToken = user.franceConnectIdToken;
        if (user.kind === "staff") {
          token.role = user.role;
          token.authAt = Math.floor(Date.now() / 1000);
        }
      }
      // Staff sessions are shorter: past 8 hours the cookie is dropped, whatever the refreshes.
      if (token.kind === "staff" && (token.authAt ?? 0) + STAFF_SESSION_MAX_AGE_SECONDS < Date.now() / 1000) return null;
      return token;
    },
    session({ session, token }) {
      session.user = { ...session.user, id: token.sub ?? "", kind: token.kind ?? "parent", role: token.role, sessionVersion: token.sv ?? 0 };
      return session;
    },
  },
}));
