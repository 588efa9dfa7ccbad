import "server-only";
import { redirect, unstable_rethrow } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { FRANCECONNECT_SIGNUP_PROVIDER_ID } from "@/lib/franceconnect";
import { signupTicket } from "@/lib/franceconnect";

/**
 * The account was just created from FranceConnect: the parent proved who they are there minutes ago, so
 * their session opens at once (with FranceConnect's id_token, for the logout) and they reach their space.
 */
export async function openSessionAfterFranceConnectSignup(accountId: string, idToken: string): Promise<never> {
  try {
    await signIn(FRANCECONNECT_SIGNUP_PROVIDER_ID, { ticket: signupTicket({ accountId, idToken }), redirectTo: "/espace" });
  } catch (error) {
    unstable_rethrow(error);
    console.error("[franceconnect] could not open the session of a new account", error);
  }
  // The account exists: signing in with FranceConnect again reaches it.
  redirect("/connexion/franceconnect");
}
