import "server-only";
import type { z } from "zod";
import { db } from "@/lib/platform/db";
import { hashPassword } from "@/lib/platform/security/password";
import { clientIp } from "@/lib/platform/security/client-ip";
import { claimAttempt } from "@/lib/platform/security/throttle";
import { CHILD_KEY_USED_MESSAGE, childKeyWasUsed, findActiveChildKey } from "@/lib/dossier";
import type { FranceConnectDraft } from "@/lib/franceconnect";
import { validateBirthPlace } from "@/lib/platform/referentiel";
import { FRANCE_COUNTRY_CODE } from "@/lib/platform/referentiel/codes";
import { fileStore } from "@/lib/platform/storage";
import { town } from "@/lib/platform/town";
import { hasForbiddenCharacters, stripForbiddenCharacters } from "@/lib/platform/validation/text";
import type { SignupDraft, SignupDraftData } from "./draft";
import { assessPassword, TOO_EASY_PASSWORD_MESSAGE } from "@/lib/platform/security/password-strength";
import { reencodePhoto } from "./photo";
import {
  addressSchema,
  authenticationSchema,
  contactSchema,
  franceConnectAuthenticationSchema,
  identitySchema,
  SIGNUP_STEPS,
  welcomeSchema,
  type SignupStepSlug,
} from "./schemas";

export type FieldErrors = Record<string, string>;
export type RawValues = Record<string, string | boolean>;

/** The fields each step's form posts (files apart). Checkboxes are booleans. */
export const STEP_FIELDS: Record<SignupStepSlug, { text: string[]; checkboxes: string[] }> = {
  bienvenue: { text: [], checkboxes: ["cgu"] },
  identite: {
    text: ["civility", "usageName", "birthName", "firstNames", "birthDate", "birthCountryCode", "birthDepartmentCode", "birthCommuneCode"],
    checkboxes: ["removePhoto"],
  },
  adresse: { text: ["addressLine", "streetNumber", "building", "apartment", "addressComplement", "postalCode", "city"], checkboxes: [] },
  contact: { text: ["phone", "mobile", "email", "preferredContact"], checkboxes: [] },
  authentification: { text: ["login", "childKey"], checkboxes: [] },
  securite: { text: [], checkboxes: [] },
};

/** What a form posted, as typed: passwords are never kept in the draft. */
export function readStepValues(step: SignupStepSlug, formData: FormData): RawValues {
  const values: RawValues = {};
  for (const name of STEP_FIELDS[step].text) values[name] = String(formData.get(name) ?? "").slice(0, 500);
  for (const name of STEP_FIELDS[step].checkboxes) values[name] = formData.get(name) === "on" || formData.get(name) === "true";
  return values;
}

/** Values kept as typed but not validated yet, without the characters no field accepts (see lib/platform/validation/text.ts). */
export function sanitizeDraftValues(values: RawValues): RawValues {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? stripForbiddenCharacters(value) : value]),
  );
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}

export const stepIndex = (slug: SignupStepSlug) => SIGNUP_STEPS.findIndex((step) => step.slug === slug);
export const stepPath = (slug: SignupStepSlug) => (slug === "bienvenue" ? "/creer-mon-espace" : `/creer-mon-espace/${slug}`);

/** The first step not yet validated: nobody reaches step 4 without steps 1 to 3. */
export function firstIncompleteStep(data: SignupDraftData): SignupStepSlug {
  return SIGNUP_STEPS.find((step) => !data.completed.includes(step.slug))?.slug ?? "securite";
}

/** Identity from FranceConnect, locked in the form: FranceConnect is the authority on it. */
export function lockedIdentity(draft: SignupDraft | null): RawValues | null {
  const claims = draft?.franceConnect;
  if (!claims) return null;
  return claims.identity as RawValues;
}

/** What FranceConnect gave when the wizard started there (lib/franceconnect/auth.ts), or null. */
export function franceConnectOf(draft: SignupDraft | null): FranceConnectDraft | null {
  const value = draft?.franceConnect;
  return value && typeof value.sub === "string" && typeof value.idToken === "string" ? (value as unknown as FranceConnectDraft) : null;
}

type StepOutcome = { ok: true; data: SignupDraftData } | { ok: false; fieldErrors: FieldErrors };

function complete(data: SignupDraftData, step: SignupStepSlug, values: RawValues, extra: Partial<SignupDraftData> = {}): SignupDraftData {
  return {
    ...data,
    ...extra,
    values: { ...data.values, [step]: values },
    completed: [...new Set([...data.completed, step])],
  };
}

/**
 * Validates one step on the server (the same schema as the form, plus what only the server can
 * check) and returns the draft to save, or the errors to show under each field.
 */
export async function processStep(step: SignupStepSlug, formData: FormData, draft: SignupDraft): Promise<StepOutcome> {
  const values = readStepValues(step, formData);
  const data = draft.data;
  switch (step) {
    case "bienvenue": {
      const parsed = welcomeSchema.safeParse(values);
      return parsed.success ? { ok: true, data: complete(data, step, values) } : { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
    }
    case "identite": {
      const locked = lockedIdentity(draft);
      const effective = locked ? { ...values, ...locked } : values;
      const parsed = identitySchema.safeParse(effective);
      const fieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
      const place = {
        countryCode: String(effective.birthCountryCode ?? ""),
        departementCode: effective.birthCountryCode === FRANCE_COUNTRY_CODE ? String(effective.birthDepartmentCode ?? "") : "",
        communeCode: effective.birthCountryCode === FRANCE_COUNTRY_CODE ? String(effective.birthCommuneCode ?? "") : "",
      };
      if (!locked) {
        for (const error of validateBirthPlace(place)) fieldErrors[error.field] ??= error.message;
      }
      let photoKey = values.removePhoto ? undefined : data.photoKey;
      const photo = formData.get("photo");
      if (photo instanceof File && photo.size > 0 && !fieldErrors.photo) {
        // Decoding an image is costly and needs no sign-in: bounded per address.
        const result = (await costlyWorkAllowed("signup-photo"))
          ? await reencodePhoto(photo)
          : { ok: false as const, message: COSTLY_WORK_THROTTLED };
        if (!result.ok) fieldErrors.photo = result.message;
        else if (Object.keys(fieldErrors).length === 0) {
          photoKey = await fileStore().put({ bytes: result.bytes, mediaType: "image/jpeg", fileName: "photo.jpg" });
        }
      }
      if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
      if (data.photoKey && data.photoKey !== photoKey)
        await fileStore()
          .delete(data.photoKey)
          .catch(() => undefined);
      const stored = { ...effective, birthDepartmentCode: place.departementCode, birthCommuneCode: place.communeCode, removePhoto: false };
      return { ok: true, data: complete(data, step, stored, { photoKey }) };
    }
    case "adresse": {
      const parsed = addressSchema.safeParse(values);
      return parsed.success ? { ok: true, data: complete(data, step, values) } : { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
    }
    case "contact": {
      const parsed = contactSchema.safeParse(values);
      return parsed.success ? { ok: true, data: complete(data, step, values) } : { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
    }
    case "authentification":
      return processAuthentication(formData, values, draft);
    case "securite":
      return { ok: true, data };
  }
}

async function processAuthentication(formData: FormData, values: RawValues, draft: SignupDraft): Promise<StepOutcome> {
  const data = draft.data;
  if (franceConnectOf(draft)) {
    // Signing in with FranceConnect: no identifier, no password; whatever was posted for them is ignored.
    const parsed = franceConnectAuthenticationSchema.safeParse({ childKey: values.childKey ?? "" });
    if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
    const error = parsed.data.childKey ? await checkChildKey(parsed.data.childKey) : null;
    if (error) return { ok: false, fieldErrors: { childKey: error } };
    return {
      ok: true,
      data: complete(data, "authentification", { login: "", childKey: values.childKey ?? "" }, { passwordHash: undefined }),
    };
  }
  const password = String(formData.get("password") ?? "");
  const passwordConfirmation = String(formData.get("passwordConfirmation") ?? "");
  // Coming back to this step: the password chosen before is kept unless a new one is typed.
  const keepPassword = Boolean(data.passwordHash) && password === "" && passwordConfirmation === "";
  const schema = authenticationSchema(town().passwordRule, { passwordKept: Boolean(data.passwordHash) });
  const parsed = schema.safeParse({ ...values, password, passwordConfirmation });
  const fieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (parsed.success) {
    if (await loginTaken(parsed.data.login)) fieldErrors.login = LOGIN_TAKEN_MESSAGE;
    // The strength check and the argon2 hash are costly and need no sign-in: bounded per address.
    if (!keepPassword && !(await costlyWorkAllowed("signup-password")))
      return { ok: false, fieldErrors: { password: COSTLY_WORK_THROTTLED } };
    if (!keepPassword) {
      const identity = data.values.identite ?? {};
      const context = [
        parsed.data.login,
        String(identity.usageName ?? ""),
        String(identity.firstNames ?? ""),
        String(data.values.contact?.email ?? ""),
      ];
      if (assessPassword(password, context).tooEasy) fieldErrors.password = TOO_EASY_PASSWORD_MESSAGE;
    }
    if (parsed.data.childKey) {
      const error = await checkChildKey(parsed.data.childKey);
      if (error) fieldErrors.childKey = error;
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !parsed.success) return { ok: false, fieldErrors };
  const passwordHash = keepPassword ? data.passwordHash : await hashPassword(password);
  return {
    ok: true,
    data: complete(data, "authentification", { login: parsed.data.login, childKey: values.childKey ?? "" }, { passwordHash }),
  };
}

export const COSTLY_WORK_THROTTLED = "Trop d'envois depuis votre connexion. Pour la sécurité du portail, réessayez dans 15 minutes.";

async function costlyWorkAllowed(scope: "signup-password" | "signup-photo"): Promise<boolean> {
  const ip = await clientIp();
  return !(await claimAttempt(scope, ip, ip)).throttled;
}

export const LOGIN_TAKEN_MESSAGE = "Cet identifiant est déjà utilisé : choisissez-en un autre.";

export async function loginTaken(login: string): Promise<boolean> {
  const normalized = String(login).trim().toLowerCase();
  // No identifier holds a control character (and PostgreSQL refuses NUL in a query).
  if (hasForbiddenCharacters(normalized)) return false;
  return (await db().account.count({ where: { login: normalized } })) > 0;
}

/** Wrong keys are throttled per address, so the key space cannot be searched by trial. */
async function checkChildKey(canonicalKey: string): Promise<string | null> {
  const ip = await clientIp();
  const attempt = await claimAttempt("child-key", ip, ip);
  if (attempt.throttled) return "Trop de clés enfance erronées ont été saisies depuis votre connexion. Réessayez dans 15 minutes.";
  const key = await findActiveChildKey(canonicalKey);
  if (key) await attempt.succeed();
  if (!key && (await childKeyWasUsed(canonicalKey))) return CHILD_KEY_USED_MESSAGE;
  return key ? null : "Cette clé enfance n'est pas reconnue : vérifiez-la ou passez simplement à l'étape suivante.";
}
