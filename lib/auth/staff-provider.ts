import "server-only";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { completeStaffSignIn, type StaffSignInFailure } from "./staff-sign-in";

/** Carries the reason to the sign-in action, as ParentSignInError does for parents. */
export class StaffSignInError extends CredentialsSignin {
  constructor(public readonly reason: StaffSignInFailure) {
    super();
    this.code = reason;
  }
}

/**
 * The "staff" provider: never the password itself (checked in step 1), but the signed proof that it was
 * checked plus the TOTP code. The session it opens has kind "staff", the role and the session version.
 */
export const staffCredentialsProvider = Credentials({
  id: "staff",
  name: "Espace agents",
  credentials: { challenge: {}, code: {} },
  async authorize(credentials) {
    const result = await completeStaffSignIn(String(credentials.challenge ?? ""), String(credentials.code ?? ""));
    if (!result.ok) throw new StaffSignInError(result.reason);
    return { id: result.staff.id, kind: "staff", role: result.staff.role, sessionVersion: result.staff.sessionVersion };
  },
});
