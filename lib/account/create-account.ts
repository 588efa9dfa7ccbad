import "server-only";
import { createHash } from "node:crypto";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { ChildKeyAlreadyUsedError, CHILD_KEY_USED_MESSAGE, findActiveChildKey, useChildKey } from "@/lib/dossier";
import { Prisma } from "@/lib/generated/prisma/client";
import { fileStore } from "@/lib/platform/storage";
import { townWithOverrides } from "@/lib/platform/town/settings";
import type { SignupDraft } from "./draft";
import { addressSchema, contactSchema, identitySchema, LOGIN_PATTERN, SIGNUP_STEPS, type SignupStepSlug } from "./schemas";
import { franceConnectOf, lockedIdentity, loginTaken, LOGIN_TAKEN_MESSAGE } from "./signup-steps";

export type CreateAccountResult =
  /** `emailToVerify`: an address typed instead of FranceConnect's, to confirm by mail (EMAIL_CHANGE). */
  | { ok: true; accountId: string; needsActivation: boolean; emailToVerify?: string }
  | { ok: false; step: SignupStepSlug; field?: string; message: string };

const FRANCECONNECT_TAKEN_MESSAGE = "Cette identité FranceConnect est déjà associée à un compte : connectez-vous avec FranceConnect.";

/**
 * Creates the personal account from a completed draft, validating every step again (a draft is
 * only a convenience: it is never trusted). Returns the step to send the parent back to on failure.
 */
export async function createAccountFromDraft(draft: SignupDraft): Promise<CreateAccountResult> {
  const { data } = draft;
  for (const step of SIGNUP_STEPS) {
    if (step.slug !== "securite" && !data.completed.includes(step.slug)) {
      return { ok: false, step: step.slug, message: "Cette étape n'est pas terminée." };
    }
  }
  const franceConnect = franceConnectOf(draft);
  const identity = identitySchema.safeParse({ ...data.values.identite, ...lockedIdentity(draft) });
  const address = addressSchema.safeParse(data.values.adresse ?? {});
  const contact = contactSchema.safeParse(data.values.contact ?? {});
  if (!identity.success) return { ok: false, step: "identite", message: "Des informations d'identité sont à corriger." };
  if (!address.success) return { ok: false, step: "adresse", message: "Des informations d'adresse sont à corriger." };
  if (!contact.success) return { ok: false, step: "contact", message: "Des moyens de contact sont à corriger." };
  // A parent who came through FranceConnect signs in with it: no identifier, no password.
  const login = franceConnect ? null : String(data.values.authentification?.login ?? "");
  if (!franceConnect) {
    if (!login || !data.passwordHash)
      return { ok: false, step: "authentification", message: "Choisissez votre identifiant et votre mot de passe." };
    // The identifier's format is checked again: a draft is never trusted.
    if (!LOGIN_PATTERN.test(login)) {
      return {
        ok: false,
        step: "authentification",
        field: "login",
        message: "Cet identifiant n'est pas valable : choisissez-en un autre.",
      };
    }
    if (await loginTaken(login)) return { ok: false, step: "authentification", field: "login", message: LOGIN_TAKEN_MESSAGE };
  } else if (await db().franceConnectIdentity.count({ where: { sub: franceConnect.sub } })) {
    return { ok: false, step: "bienvenue", message: FRANCECONNECT_TAKEN_MESSAGE };
  }
  const childKeyInput = String(data.values.authentification?.childKey ?? "");
  const childKey = childKeyInput ? await findActiveChildKey(childKeyInput) : null;
  if (childKeyInput && !childKey) {
    return {
      ok: false,
      step: "authentification",
      field: "childKey",
      message: "Cette clé enfance n'est plus valable : vérifiez-la ou laissez le champ vide.",
    };
  }

  const now = new Date();
  // The CGU the parent accepted: an administrator's version from /admin if any, else the configuration's.
  const cguVersion = (await townWithOverrides()).legal.cguVersion;
  const fromFranceConnect = Boolean(franceConnect);
  // FranceConnect's address, kept as given, needs no activation mail; a different one typed instead is
  // confirmed by mail, and FranceConnect's stays in use until then.
  const typedEmail = contact.data.email;
  const franceConnectEmail = franceConnect?.email ?? null;
  const emailToVerify = franceConnect && franceConnectEmail?.toLowerCase() !== typedEmail.toLowerCase() ? typedEmail : undefined;
  try {
    const account = await db().$transaction(async (tx) => {
      const created = await tx.account.create({
        data: {
          login,
          email: franceConnectEmail ?? typedEmail,
          emailVerifiedAt: franceConnectEmail ? now : null,
          passwordHash: franceConnect ? null : data.passwordHash,
          status: franceConnect ? "ACTIVE" : "PENDING_ACTIVATION",
          activatedAt: franceConnect ? now : null,
          civility: identity.data.civility,
          usageName: identity.data.usageName,
          birthName: identity.data.birthName,
          firstNames: identity.data.firstNames,
          birthDate: identity.data.birthDate ? new Date(identity.data.birthDate) : null,
          birthCountryCode: identity.data.birthCountryCode,
          birthDepartmentCode: identity.data.birthDepartmentCode,
          birthCommuneCode: identity.data.birthCommuneCode,
          addressLine: address.data.addressLine,
          streetNumber: address.data.streetNumber,
          building: address.data.building,
          apartment: address.data.apartment,
          addressComplement: address.data.addressComplement,
          postalCode: address.data.postalCode,
          city: address.data.city,
          phone: contact.data.phone,
          mobile: contact.data.mobile,
          preferredContact: contact.data.preferredContact,
          cguAcceptedAt: now,
          cguVersion,
          familyId: childKey?.familyId,
        },
      });
      if (data.photoKey) {
        const bytes = await fileStore().get(data.photoKey);
        if (bytes) {
          const photo = await tx.document.create({
            data: {
              ownerId: created.id,
              kind: "PHOTO",
              fileName: "photo.jpg",
              provider: fileStore().provider,
              storageKey: data.photoKey,
              mediaType: "image/jpeg",
              size: bytes.byteLength,
              sha256: createHash("sha256").update(bytes).digest("hex"),
            },
          });
          await tx.account.update({ where: { id: created.id }, data: { photoDocumentId: photo.id } });
        }
      }
      if (franceConnect) {
        await tx.franceConnectIdentity.create({ data: { sub: franceConnect.sub, accountId: created.id, lastLoginAt: now } });
      }
      if (childKey) await useChildKey(tx, childKey, created);
      await audit(
        {
          actorType: "ACCOUNT",
          actorId: created.id,
          action: "account.created",
          targetType: "Account",
          targetId: created.id,
          details: { franceConnect: fromFranceConnect, childKey: Boolean(childKey) },
        },
        tx,
      );
      return created;
    });
    return { ok: true, accountId: account.id, needsActivation: !franceConnect, emailToVerify };
  } catch (error) {
    if (error instanceof ChildKeyAlreadyUsedError)
      return { ok: false, step: "authentification", field: "childKey", message: CHILD_KEY_USED_MESSAGE };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      if (franceConnect) return { ok: false, step: "bienvenue", message: FRANCECONNECT_TAKEN_MESSAGE };
      return { ok: false, step: "authentification", field: "login", message: LOGIN_TAKEN_MESSAGE };
    }
    throw error;
  }
}
