import "server-only";
import { createHash } from "node:crypto";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { findActiveChildKey } from "@/lib/family/child-keys";
import { Prisma } from "@/lib/generated/prisma/client";
import { fileStore } from "@/lib/storage";
import { town } from "@/lib/town";
import type { SignupDraft } from "./draft";
import { addressSchema, contactSchema, identitySchema, SIGNUP_STEPS, type SignupStepSlug } from "./schemas";
import { loginTaken, LOGIN_TAKEN_MESSAGE } from "./signup-steps";

export type CreateAccountResult =
  | { ok: true; accountId: string; needsActivation: boolean }
  | { ok: false; step: SignupStepSlug; field?: string; message: string };

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
  const identity = identitySchema.safeParse(data.values.identite ?? {});
  const address = addressSchema.safeParse(data.values.adresse ?? {});
  const contact = contactSchema.safeParse(data.values.contact ?? {});
  if (!identity.success) return { ok: false, step: "identite", message: "Des informations d'identité sont à corriger." };
  if (!address.success) return { ok: false, step: "adresse", message: "Des informations d'adresse sont à corriger." };
  if (!contact.success) return { ok: false, step: "contact", message: "Des moyens de contact sont à corriger." };
  const login = String(data.values.authentification?.login ?? "");
  if (!login || !data.passwordHash) return { ok: false, step: "authentification", message: "Choisissez votre identifiant et votre mot de passe." };
  if (await loginTaken(login)) return { ok: false, step: "authentification", field: "login", message: LOGIN_TAKEN_MESSAGE };
  const childKeyInput = String(data.values.authentification?.childKey ?? "");
  const childKey = childKeyInput ? await findActiveChildKey(childKeyInput) : null;
  if (childKeyInput && !childKey) {
    return { ok: false, step: "authentification", field: "childKey", message: "Cette clé enfance n'est plus valable : vérifiez-la ou laissez le champ vide." };
  }

  const now = new Date();
  const fromFranceConnect = Boolean(draft.franceConnect);
  try {
    const account = await db().$transaction(async (tx) => {
      const created = await tx.account.create({
        data: {
          login,
          email: contact.data.email,
          passwordHash: data.passwordHash,
          status: "PENDING_ACTIVATION",
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
          cguVersion: town().legal.cguVersion,
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
      if (childKey) {
        await tx.childKey.update({ where: { id: childKey.id }, data: { usedAt: now, usedByAccountId: created.id } });
      }
      await audit(
        { actorType: "ACCOUNT", actorId: created.id, action: "account.created", targetType: "Account", targetId: created.id, details: { franceConnect: fromFranceConnect, childKey: Boolean(childKey) } },
        tx,
      );
      return created;
    });
    return { ok: true, accountId: account.id, needsActivation: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, step: "authentification", field: "login", message: LOGIN_TAKEN_MESSAGE };
    }
    throw error;
  }
}
