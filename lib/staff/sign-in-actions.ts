"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { audit } from "@/lib/platform/audit";
import { signIn, signOut } from "@/lib/auth";
import { hashPassword } from "@/lib/platform/security/password";
import { StaffSignInError } from "@/lib/auth";
import { staffPasswordProblem } from "./passwords";
import { currentStaff } from "./session";
import {
  clearPending,
  nextSignInStep,
  pendingChallenge,
  readPending,
  replaceInitialPassword,
  verifyStaffPassword,
  type StaffSignInFailure,
} from "@/lib/auth";
import type { FailureState } from "@/lib/platform/actions/action-state";

export type StaffSignInState = FailureState & {
  login?: string;
  field?: "login" | "password" | "passwordConfirmation" | "code";
};

const messages: Record<StaffSignInFailure, string> = {
  invalid: "Identifiant ou mot de passe incorrect.",
  throttled: "Trop de tentatives de connexion. Pour votre sécurité, réessayez dans 15 minutes.",
  code: "Ce code n'est pas valable : saisissez les 6 chiffres affichés en ce moment par votre application d'authentification.",
  replayed: "Ce code a déjà été utilisé : attendez le code suivant (il change toutes les 30 secondes).",
  expired: "Votre connexion a expiré : saisissez de nouveau votre identifiant et votre mot de passe.",
};

const EXPIRED = "/admin/connexion?expire=1";

/** Opens the Auth.js session once every step passed, then forgets the "password checked" cookie. */
async function openSession(challenge: string, code: string): Promise<StaffSignInState> {
  try {
    await signIn("staff", { challenge, code, redirect: false });
  } catch (error) {
    if (error instanceof StaffSignInError || (error instanceof AuthError && error.type === "CredentialsSignin")) {
      const reason = (error as StaffSignInError).reason ?? "code";
      if (reason === "expired") redirect(EXPIRED);
      return { status: "error", field: "code", message: messages[reason] };
    }
    throw error;
  }
  await clearPending();
  redirect("/admin");
}

/** Step 1: identifier and password. */
export async function submitStaffPassword(_previous: StaffSignInState, formData: FormData): Promise<StaffSignInState> {
  const login = String(formData.get("login") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  if (!login) return { status: "error", login, field: "login", message: "Le champ 'identifiant' est obligatoire." };
  if (!password) return { status: "error", login, field: "password", message: "Le champ 'mot de passe' est obligatoire." };
  const result = await verifyStaffPassword(login, password);
  if (!result.ok) return { status: "error", login, field: "password", message: messages[result.reason] };
  const staff = await readPending(result.challenge);
  if (!staff) redirect(EXPIRED);
  const step = await nextSignInStep(staff);
  if (step === "session") return openSession(result.challenge, "");
  redirect(`/admin/connexion/${step}`);
}

/** Step 2: a new password in place of the one-time initial password. */
export async function submitStaffNewPassword(_previous: StaffSignInState, formData: FormData): Promise<StaffSignInState> {
  const staff = await readPending();
  if (!staff?.passwordChangeRequired) redirect(EXPIRED);
  const password = String(formData.get("password") ?? "");
  const confirmation = String(formData.get("passwordConfirmation") ?? "");
  const problem = staffPasswordProblem(password, [staff.login]);
  if (problem) return { status: "error", field: "password", message: problem };
  if (confirmation !== password)
    return { status: "error", field: "passwordConfirmation", message: "La confirmation ne correspond pas au mot de passe." };
  const challenge = await replaceInitialPassword(staff, await hashPassword(password));
  const refreshed = await readPending(challenge);
  if (!refreshed) redirect(EXPIRED);
  const step = await nextSignInStep(refreshed);
  if (step === "session") return openSession(challenge, "");
  redirect(`/admin/connexion/${step}`);
}

/** Step 3: the TOTP code (also the first code that confirms an enrolment). */
export async function submitStaffCode(_previous: StaffSignInState, formData: FormData): Promise<StaffSignInState> {
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { status: "error", field: "code", message: "Le champ 'code à 6 chiffres' est obligatoire." };
  const challenge = await pendingChallenge();
  if (!(await readPending(challenge))) redirect(EXPIRED);
  return openSession(challenge, code);
}

export async function signOutStaff(): Promise<void> {
  const staff = await currentStaff();
  if (staff)
    await audit({ actorType: "STAFF", actorId: staff.id, action: "staff.signed_out", targetType: "StaffUser", targetId: staff.id });
  await signOut({ redirectTo: "/admin/connexion" });
}
