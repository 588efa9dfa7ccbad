"use server";

import { cookies } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { ExpectedError } from "@/lib/platform/errors";
import { signIn } from "@/lib/auth";
import { requireParent } from "@/lib/auth";
import { FRANCECONNECT_PROVIDER_ID } from "@/lib/franceconnect";
import { quotientConsentCookie } from "./consent";
import { answerRetrievedQuotient, submitAttestation } from "./service";

const PAGE = "/espace/factures/quotient-familial";

function back(query: string): never {
  redirect(`${PAGE}?${query}`);
}

/** "Je consens": off to FranceConnect; its return calls API Particulier with the fresh token (see consent.ts). */
export async function shareQuotientWithFranceConnectAction(formData: FormData): Promise<void> {
  const parent = await requireParent(PAGE);
  if (formData.get("consentement") !== "oui") back(`erreur=${encodeURIComponent("Cochez la case pour donner votre accord.")}`);
  const cookie = quotientConsentCookie(parent.id);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  try {
    await signIn(FRANCECONNECT_PROVIDER_ID, { redirectTo: `${PAGE}?retour=franceconnect` });
  } catch (error) {
    unstable_rethrow(error);
    back(
      `erreur=${encodeURIComponent("FranceConnect est momentanément indisponible. Réessayez plus tard ou transmettez votre attestation.")}`,
    );
  }
}

export async function answerQuotientAction(formData: FormData): Promise<void> {
  const parent = await requireParent(PAGE);
  const answer = formData.get("reponse") === "confirmer" ? "confirm" : "dispute";
  try {
    await answerRetrievedQuotient(parent.id, String(formData.get("quotient") ?? ""), answer);
  } catch (error) {
    if (error instanceof ExpectedError) back(`erreur=${encodeURIComponent(error.message)}`);
    throw error;
  }
  back(answer === "confirm" ? "confirme=1" : "conteste=1");
}

export async function submitAttestationAction(formData: FormData): Promise<void> {
  const parent = await requireParent(PAGE);
  const file = formData.get("attestation");
  if (!(file instanceof File) || file.size === 0)
    back(`erreur=${encodeURIComponent("Choisissez le fichier de votre attestation (PDF, JPEG ou PNG).")}`);
  try {
    await submitAttestation(parent.id, file);
  } catch (error) {
    if (error instanceof ExpectedError) back(`erreur=${encodeURIComponent(error.message)}`);
    throw error;
  }
  back("envoyee=1");
}
