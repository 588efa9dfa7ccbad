"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/platform/env";
import { isHttpsApp } from "@/lib/platform/security/cookies";
import { verifyPowSolution } from "@/lib/platform/security/altcha";
import type { ActionState } from "@/lib/platform/actions/action-state";
import type { FormState } from "@/lib/platform/actions/form-state";
import { signValue } from "@/lib/platform/security/signed-value";
import { town } from "@/lib/platform/town";
import { franceConnectLogoutUrl } from "@/lib/franceconnect";
import { openSessionAfterFranceConnectSignup } from "@/lib/auth";
import { sendActivationLink, requestNewActivationLink } from "./activation";
import { createAccountFromDraft } from "./create-account";
import { deleteSignupDraft, loadOrCreateSignupDraft, loadSignupDraft, saveSignupDraft } from "./draft";
import { sendEmailVerificationLink } from "./email-change";
import { assessPassword, TOO_EASY_PASSWORD_MESSAGE } from "@/lib/platform/security/password-strength";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { followsPasswordRule, passwordRuleText } from "./password-rule";
import { LOGIN_PATTERN, SIGNUP_STEPS, type SignupStepSlug } from "./schemas";
import {
  franceConnectOf,
  loginTaken,
  LOGIN_TAKEN_MESSAGE,
  processStep,
  readStepValues,
  sanitizeDraftValues,
  stepIndex,
  stepPath,
  type FieldErrors,
} from "./signup-steps";

export type StepState = FormState;

const isStep = (value: string): value is SignupStepSlug => SIGNUP_STEPS.some((step) => step.slug === value);

/**
 * One action for every step: "SUIVANT" validates and goes on; "PRÉCÉDENT" keeps what was typed
 * (without validating it) and goes back. Errors come back keyed by field, with what was typed.
 */
export async function submitSignupStep(step: string, previous: StepState, formData: FormData): Promise<StepState> {
  if (!isStep(step)) redirect("/creer-mon-espace");
  const draft = await loadOrCreateSignupDraft();
  const index = stepIndex(step);

  if (formData.get("intent") === "previous") {
    // Kept without validation, so nothing typed is lost: characters PostgreSQL refuses in JSON (NUL, half an
    // emoji) are dropped so the draft can always be saved. A step whose values changed is no longer complete:
    // it is validated again when the parent comes forward, never used as typed.
    const typed = sanitizeDraftValues(readStepValues(step, formData));
    const stored = draft.data.values[step] ?? {};
    const merged = { ...stored, ...typed };
    const changed = Object.keys(merged).some((name) => merged[name] !== stored[name]);
    const completed = changed ? draft.data.completed.filter((slug) => slug !== step) : draft.data.completed;
    await saveSignupDraft(draft.id, { ...draft.data, completed, values: { ...draft.data.values, [step]: merged } });
    redirect(stepPath(SIGNUP_STEPS[Math.max(0, index - 1)]!.slug));
  }

  // Nobody skips ahead: every earlier step must have passed.
  const missing = SIGNUP_STEPS.slice(0, index).find((earlier) => !draft.data.completed.includes(earlier.slug));
  if (missing) redirect(stepPath(missing.slug));

  const attempt = previous.status === "error" ? previous.attempt + 1 : 1;
  if (step === "securite") {
    const verdict = await verifyPowSolution(String(formData.get("pow") ?? ""));
    if (!verdict.ok) return { status: "error", fieldErrors: { pow: verdict.message }, values: {}, attempt };
    const created = await createAccountFromDraft(draft);
    if (!created.ok) {
      if (created.field) {
        // Send the parent back to the step with the problem, its message shown on the field.
        await saveSignupDraft(draft.id, {
          ...draft.data,
          completed: draft.data.completed.filter((slug) => stepIndex(slug) < stepIndex(created.step)),
        });
      }
      return {
        status: "error",
        fieldErrors: { pow: `${created.message} Revenez à l'étape « ${SIGNUP_STEPS[stepIndex(created.step)]!.title} ».` },
        values: {},
        attempt,
      };
    }
    const franceConnect = franceConnectOf(draft);
    if (franceConnect) {
      // No activation: FranceConnect vouches for the person. Only an address typed instead of FranceConnect's is checked.
      if (created.emailToVerify) await sendEmailVerificationLink(created.accountId, created.emailToVerify);
      await deleteSignupDraft();
      await openSessionAfterFranceConnectSignup(created.accountId, franceConnect.idToken);
    }
    await sendActivationLink(created.accountId);
    await deleteSignupDraft();
    (await cookies()).set("ef_inscription_faite", signValue("signup-done", created.accountId), {
      httpOnly: true,
      sameSite: "lax",
      secure: isHttpsApp(env().APP_URL),
      path: "/creer-mon-espace",
      maxAge: 60 * 60,
    });
    redirect("/creer-mon-espace/confirmation");
  }

  const outcome = await processStep(step, formData, draft);
  if (!outcome.ok) return { status: "error", fieldErrors: outcome.fieldErrors, values: readStepValues(step, formData), attempt };
  await saveSignupDraft(draft.id, outcome.data);
  redirect(stepPath(SIGNUP_STEPS[index + 1]!.slug));
}

/**
 * ANNULER, once confirmed: the draft and what it held (photo) are deleted. A wizard started from
 * FranceConnect also ends the FranceConnect session, so the next person at the computer is not let in.
 */
export async function cancelSignup(): Promise<void> {
  const draft = await loadSignupDraft();
  if (draft?.data.photoKey) {
    const { fileStore } = await import("@/lib/platform/storage");
    await fileStore()
      .delete(draft.data.photoKey)
      .catch(() => undefined);
  }
  const franceConnect = franceConnectOf(draft);
  await deleteSignupDraft();
  redirect((franceConnect && (await franceConnectLogoutUrl(franceConnect.idToken))) || "/");
}

/** "Say so at once when taken": checked while the parent types their identifier. */
export async function checkLoginAvailability(login: string): Promise<{ available: boolean; message?: string }> {
  const normalized = String(login).trim().toLowerCase();
  if (!LOGIN_PATTERN.test(normalized)) return { available: false };
  if (await loginTaken(normalized)) return { available: false, message: LOGIN_TAKEN_MESSAGE };
  return { available: true, message: "Cet identifiant est disponible." };
}

/** The live strength meter's verdict, from the server's dictionaries (never shipped to the phone). */
export async function checkPasswordStrength(password: string): Promise<{ score: number; message?: string }> {
  const value = String(password).slice(0, 128);
  if (!value) return { score: 0 };
  const { score, tooEasy } = assessPassword(value);
  if (tooEasy) return { score, message: TOO_EASY_PASSWORD_MESSAGE };
  if (!followsPasswordRule(value, town().passwordRule)) return { score, message: `${passwordRuleText(town().passwordRule)}.` };
  return { score };
}

/** The small account forms (a new activation link, a forgotten password): "done" once the mail is on its way. */
export type SimpleFormState = ActionState;

export async function requestActivationLinkAction(_previous: SimpleFormState, formData: FormData): Promise<SimpleFormState> {
  const identifier = String(formData.get("identifier") ?? "").trim();
  if (!identifier) return { status: "error", fieldErrors: { identifier: "Le champ 'identifiant ou courriel' est obligatoire." } };
  await requestNewActivationLink(identifier);
  return {
    status: "done",
    message: "Si un compte en attente d'activation correspond, un nouveau lien vient d'être envoyé. Il est valable 48 heures.",
  };
}

export async function requestPasswordResetAction(_previous: SimpleFormState, formData: FormData): Promise<SimpleFormState> {
  const identifier = String(formData.get("identifier") ?? "").trim();
  if (!identifier) return { status: "error", fieldErrors: { identifier: "Le champ 'identifiant ou courriel' est obligatoire." } };
  await requestPasswordReset(identifier);
  return {
    status: "done",
    message:
      "Si un compte correspond à ces informations, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Ce lien est valable 1 heure.",
  };
}

export async function resetPasswordAction(_previous: SimpleFormState, formData: FormData): Promise<SimpleFormState> {
  const token = String(formData.get("jeton") ?? "");
  const password = String(formData.get("password") ?? "");
  const confirmation = String(formData.get("passwordConfirmation") ?? "");
  const rule = town().passwordRule;
  const fieldErrors: FieldErrors = {};
  if (!password) fieldErrors.password = "Le champ 'mot de passe' est obligatoire.";
  // Sign-in reads 128 characters at most (lib/auth/credentials.ts): a longer password could never be used.
  else if (password.length > 128) fieldErrors.password = "Le champ 'mot de passe' ne peut pas dépasser 128 caractères.";
  else if (!followsPasswordRule(password, rule)) fieldErrors.password = `${passwordRuleText(rule)}.`;
  else if (assessPassword(password).tooEasy) fieldErrors.password = TOO_EASY_PASSWORD_MESSAGE;
  if (!confirmation) fieldErrors.passwordConfirmation = "Le champ 'confirmation du mot de passe' est obligatoire.";
  else if (password && confirmation !== password) fieldErrors.passwordConfirmation = "La confirmation ne correspond pas au mot de passe.";
  if (Object.keys(fieldErrors).length > 0) return { status: "error", fieldErrors };
  const result = await resetPassword(token, password);
  if (result !== "ok") redirect(`/mot-de-passe-oublie/nouveau?jeton=${encodeURIComponent(token)}`);
  redirect("/connexion?mot-de-passe=change");
}
