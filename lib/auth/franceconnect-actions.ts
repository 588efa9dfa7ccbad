"use server";

import { cookies } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { auth, signIn } from "./config";
import { safeReturnPath } from "./return-path";
import { requireParent } from "./session";
import { franceConnectStatus, unlinkFranceConnect } from "@/lib/franceconnect";
import { FRANCECONNECT_PROVIDER_ID, isFranceConnectEnabled, MANAGE_PATH } from "@/lib/franceconnect";
import { classifyFailure, failurePath } from "@/lib/franceconnect";
import { linkIntentCookie } from "@/lib/franceconnect";

/** "S'identifier avec FranceConnect": off to FranceConnect (a redirect after the form's POST). */
export async function startFranceConnectSignIn(formData: FormData): Promise<void> {
  if (!isFranceConnectEnabled()) redirect("/connexion/franceconnect");
  await goToFranceConnect(safeReturnPath(formData.get("retour"), "/espace"));
}

/** From the parent's space, signed in with their password: link FranceConnect to this account. */
export async function startFranceConnectLink(): Promise<void> {
  const parent = await requireParent(MANAGE_PATH);
  const session = await auth();
  const status = await franceConnectStatus(parent.id);
  if (!isFranceConnectEnabled() || status.linkedAt || !session) redirect(MANAGE_PATH);
  const cookie = linkIntentCookie({ accountId: parent.id, sessionVersion: session.user.sessionVersion });
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  await goToFranceConnect(`${MANAGE_PATH}?associee=1`);
}

/** Unlinking is refused while FranceConnect is the only way into the account. */
export async function unlinkFranceConnectAction(): Promise<void> {
  const parent = await requireParent(MANAGE_PATH);
  const outcome = await unlinkFranceConnect(parent.id);
  redirect(outcome === "unlinked" ? `${MANAGE_PATH}?dissociee=1` : MANAGE_PATH);
}

async function goToFranceConnect(redirectTo: string): Promise<void> {
  try {
    await signIn(FRANCECONNECT_PROVIDER_ID, { redirectTo });
  } catch (error) {
    // signIn ends with a redirect to FranceConnect, thrown as a control-flow error.
    unstable_rethrow(error);
    console.error("[franceconnect] could not start the sign-in", error);
    redirect(failurePath(classifyFailure(error) === "indisponible" ? "indisponible" : "inconnue"));
  }
}
