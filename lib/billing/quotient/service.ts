import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { storeDocument } from "@/lib/documents";
import { env } from "@/lib/platform/env";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { billingConfig, dateOf, dayString } from "../config";
import { bracketFor, tariffAt } from "../pricing";
import { ApiParticulierError, fetchQuotientFamilial } from "./api-particulier";

/**
 * The family's quotient familial: retrieved from API Particulier with the parent's consent (then confirmed or
 * disputed by the parent), or read by staff on an uploaded CAF/MSA attestation. Only a VALID one prices days.
 * A value holds until the end of the calendar year it was given for.
 */
async function familyOf(accountId: string): Promise<string> {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { familyId: true, status: true } });
  if (!account?.familyId || account.status !== "ACTIVE")
    throw new ExpectedError("Votre famille doit d'abord être validée par nos services.");
  return account.familyId;
}

function endOfYear(day: string): Date {
  return dateOf(`${day.slice(0, 4)}-12-31`);
}

export interface QuotientOverview {
  current: { value: number; source: "API_PARTICULIER" | "ATTESTATION"; provider: string | null; validUntil: Date; bracket: string } | null;
  defaultBracket: string;
  retrieved: { id: string; value: number; provider: string | null; referenceMonth: string | null } | null;
  submitted: boolean;
  lastRejection: string | null;
}

export async function quotientOverview(accountId: string, now = new Date()): Promise<QuotientOverview | null> {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { familyId: true } });
  if (!account?.familyId) return null;
  const today = dayString(now);
  const rows = await db().quotientFamilial.findMany({ where: { familyId: account.familyId }, orderBy: { createdAt: "desc" }, take: 20 });
  const version = tariffAt(billingConfig().tariffs, today) ?? billingConfig().tariffs.at(-1);
  if (!version) throw new Error("no tariff configured");
  const current = rows
    .filter(
      (row) => row.status === "VALID" && row.value !== null && dayString(row.validFrom) <= today && today <= dayString(row.validUntil),
    )
    .sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0];
  const retrieved = rows.find((row) => row.status === "RETRIEVED");
  const rejected = rows.find((row) => row.status === "REJECTED");
  return {
    current: current
      ? {
          value: current.value ?? 0,
          source: current.source,
          provider: current.provider,
          validUntil: current.validUntil,
          bracket: bracketFor(version, current.value).label,
        }
      : null,
    defaultBracket: bracketFor(version, null).label,
    retrieved: retrieved
      ? { id: retrieved.id, value: retrieved.value ?? 0, provider: retrieved.provider, referenceMonth: retrieved.referenceMonth }
      : null,
    submitted: rows.some((row) => row.status === "SUBMITTED"),
    lastRejection: rejected && (!current || rejected.createdAt > current.createdAt) ? rejected.rejectionReason : null,
  };
}

/**
 * Called from the FranceConnect sign-in the parent started to share their quotient (consent cookie): the access
 * token is used for this one call and dropped. Returns what happened, for the page to say.
 */
export async function retrieveQuotientWithFranceConnect(
  accountId: string,
  accessToken: string,
  transport: typeof fetch = fetch,
  now = new Date(),
): Promise<"retrieved" | "introuvable" | "indisponible"> {
  const familyId = await familyOf(accountId).catch(() => null);
  if (!familyId) return "indisponible";
  const baseUrl = env().API_PARTICULIER_URL ?? "https://particulier.api.gouv.fr";
  try {
    const answer = await fetchQuotientFamilial({ baseUrl, accessToken, recipient: billingConfig().siret, transport });
    const today = dayString(now);
    await db().$transaction(async (tx) => {
      // A newer retrieval replaces one the parent has not answered yet.
      await tx.quotientFamilial.deleteMany({ where: { familyId, status: "RETRIEVED" } });
      const row = await tx.quotientFamilial.create({
        data: {
          familyId,
          value: answer.value,
          source: "API_PARTICULIER",
          status: "RETRIEVED",
          provider: answer.provider,
          referenceMonth: answer.referenceMonth,
          validFrom: dateOf(`${answer.referenceMonth}-01`),
          validUntil: endOfYear(today),
          accountId,
        },
      });
      await audit(
        {
          actorType: "ACCOUNT",
          actorId: accountId,
          action: "quotient.retrieved",
          targetType: "quotientFamilial",
          targetId: row.id,
          details: { provider: answer.provider },
        },
        tx,
      );
    });
    return "retrieved";
  } catch (error) {
    if (!(error instanceof ApiParticulierError)) throw error;
    console.warn(`[billing] API Particulier: ${error.reason}`);
    return error.reason === "introuvable" ? "introuvable" : "indisponible";
  }
}

/** The parent confirms the retrieved value (it becomes the one prices use) or disputes it (an attestation is needed). */
export async function answerRetrievedQuotient(accountId: string, quotientId: string, answer: "confirm" | "dispute"): Promise<void> {
  const familyId = await familyOf(accountId);
  const updated = await db().quotientFamilial.updateMany({
    where: { id: quotientId, familyId, status: "RETRIEVED" },
    data: { status: answer === "confirm" ? "VALID" : "DISPUTED", decidedAt: new Date() },
  });
  if (updated.count === 0) throw new ExpectedError("Ce quotient familial a déjà été traité.");
  await audit({
    actorType: "ACCOUNT",
    actorId: accountId,
    action: answer === "confirm" ? "quotient.confirmed" : "quotient.disputed",
    targetType: "quotientFamilial",
    targetId: quotientId,
  });
}

/** The parent uploads the CAF or MSA attestation; staff will read the value. */
export async function submitAttestation(accountId: string, file: File): Promise<void> {
  const familyId = await familyOf(accountId);
  const stored = await storeDocument(accountId, file, "AUTRE");
  if (!stored.ok) throw new ExpectedError(stored.message, "attestation");
  const today = dayString(new Date());
  const row = await db().quotientFamilial.create({
    data: {
      familyId,
      source: "ATTESTATION",
      status: "SUBMITTED",
      documentId: stored.documentId,
      accountId,
      validFrom: dateOf(today),
      validUntil: endOfYear(today),
    },
  });
  await audit({
    actorType: "ACCOUNT",
    actorId: accountId,
    action: "quotient.attestation-submitted",
    targetType: "quotientFamilial",
    targetId: row.id,
  });
}

export async function listAttestationsToReview(caller: Caller) {
  const actor = await authorizeStaff(caller);
  const rows = await db().quotientFamilial.findMany({
    where: { status: "SUBMITTED" },
    orderBy: { createdAt: "asc" },
    take: 100,
    include: {
      family: { select: { dossierNumber: true, members: { where: { role: "HOLDER" }, select: { firstName: true, usageName: true } } } },
    },
  });
  await audit({ ...staffAudit(actor), action: "quotient.review-listed" });
  return rows;
}

/** Staff read the value on the attestation: it becomes VALID over the given period (from the 1st of its month). */
export async function validateAttestation(
  caller: Caller,
  quotientId: string,
  input: { value: number; validFrom: string; validUntil: string },
): Promise<void> {
  const actor = await authorizeStaff(caller);
  if (!Number.isSafeInteger(input.value) || input.value < 0 || input.value > 100_000)
    throw new ExpectedError("Saisissez le quotient familial en euros, sans décimale (ex. : 812).", "value");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.validFrom) || !/^\d{4}-\d{2}-\d{2}$/.test(input.validUntil) || input.validFrom > input.validUntil)
    throw new ExpectedError("La période de validité est invalide.", "validFrom");
  const updated = await db().quotientFamilial.updateMany({
    where: { id: quotientId, status: "SUBMITTED" },
    data: {
      status: "VALID",
      value: input.value,
      validFrom: dateOf(input.validFrom),
      validUntil: dateOf(input.validUntil),
      decidedById: actor.id,
      decidedAt: new Date(),
    },
  });
  if (updated.count === 0) throw new ExpectedError("Cette attestation a déjà été traitée.");
  await audit({ ...staffAudit(actor), action: "quotient.validated", targetType: "quotientFamilial", targetId: quotientId });
}

export async function rejectAttestation(caller: Caller, quotientId: string, reason: string): Promise<void> {
  const actor = await authorizeStaff(caller);
  if (!reason.trim()) throw new ExpectedError("Indiquez le motif du refus.", "reason");
  const updated = await db().quotientFamilial.updateMany({
    where: { id: quotientId, status: "SUBMITTED" },
    data: { status: "REJECTED", rejectionReason: reason.trim().slice(0, 500), decidedById: actor.id, decidedAt: new Date() },
  });
  if (updated.count === 0) throw new ExpectedError("Cette attestation a déjà été traitée.");
  await audit({ ...staffAudit(actor), action: "quotient.rejected", targetType: "quotientFamilial", targetId: quotientId });
}

/** The attestation's file, for staff (audited). */
export async function attestationForStaff(caller: Caller, quotientId: string) {
  const actor = await authorizeStaff(caller);
  const row = await db().quotientFamilial.findUnique({ where: { id: quotientId }, select: { documentId: true, accountId: true } });
  if (!row?.documentId || !row.accountId) return null;
  const { readOwnDocument } = await import("@/lib/documents");
  const found = await readOwnDocument(row.accountId, row.documentId);
  if (found)
    await audit({ ...staffAudit(actor), action: "quotient.attestation-viewed", targetType: "quotientFamilial", targetId: quotientId });
  return found;
}
