"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { currentFranceConnectIdToken, franceConnectLogoutUrl } from "@/lib/franceconnect";
import type { FailureState } from "@/lib/platform/actions/action-state";
import { ParentSignInError, signIn, signOut } from "./config";
import { safeReturnPath } from "./return-path";

export interface SignInState extends FailureState {
  login?: string;
  /** Which field the message belongs to. */
  field?: "login" | "password";
  /** The account exists but is waiting for activation: offer a new link. */
  notActivated?: boolean;
}

const messages = {
  invalid: "Identifiant ou mot de passe incorrect.",
  not_activated: "Votre compte n'est pas encore activé : cliquez sur le lien du courriel reçu lors de la création de votre compte.",
  throttled: "Trop de tentatives de connexion. Pour votre sécurité, réessayez dans 15 minutes ou réinitialisez votre mot de passe.",
  closed: "Ce compte est fermé. Contactez le service Enfance pour plus d'informations.",
  closed_by_parent:
    "Ce compte a été fermé à la demande de son titulaire : il n'est plus possible de s'y connecter. Pour utiliser de nouveau le portail, créez un nouvel espace avec « Créer mon espace ».",
} as const;

export async function signInParent(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const login = String(formData.get("login") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!login) return { status: "error", login, field: "login", message: "Le champ 'identifiant' est obligatoire." };
  if (!password) return { status: "error", login, field: "password", message: "Le champ 'mot de passe' est obligatoire." };
  try {
    await signIn("parent", { login, password, redirectTo: safeReturnPath(formData.get("retour"), "/espace") });
    return { status: "idle" };
  } catch (error) {
    if (error instanceof ParentSignInError || (error instanceof AuthError && error.type === "CredentialsSignin")) {
      const reason = (error as ParentSignInError).reason ?? "invalid";
      return { status: "error", login, field: "password", message: messages[reason], notActivated: reason === "not_activated" };
    }
    throw error;
  }
}

/** Ends the session here first, then FranceConnect's too when the parent came through it. */
export async function signOutParent(): Promise<void> {
  const franceConnectIdToken = await currentFranceConnectIdToken();
  await signOut({ redirect: false });
  const franceConnectLogout = franceConnectIdToken ? await franceConnectLogoutUrl(franceConnectIdToken) : null;
  redirect(franceConnectLogout ?? "/");
}
