import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { scope } from "./request-scope";

class ParentSignInError extends CredentialsSignin {
  constructor(public readonly reason: string) {
    super();
    this.code = reason;
  }
}

/**
 * Auth.js stand-in: auth() answers the scope's session; signIn("parent") runs the real credentials check
 * (what the Credentials provider's authorize does) and redirects like Auth.js on success.
 */
export const authConfigMock = {
  auth: async () => scope.session,
  signOut: async () => undefined,
  handlers: {},
  SESSION_MAX_AGE_SECONDS: 12 * 60 * 60,
  ParentSignInError,
  signIn: async (provider: string, options: Record<string, string>) => {
    if (provider !== "parent") throw new Error(`signIn(${provider}) is not simulated`);
    const { verifyParentCredentials } = await import("@/lib/auth/credentials");
    const result = await verifyParentCredentials(String(options.login ?? ""), String(options.password ?? ""));
    if (!result.ok) throw new ParentSignInError(result.reason);
    redirect(options.redirectTo ?? "/espace");
  },
};
