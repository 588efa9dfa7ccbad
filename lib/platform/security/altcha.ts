import "server-only";
import { createHash } from "node:crypto";
import { createChallenge, extractParams, verifySolution } from "altcha-lib/v1";
import type { Challenge, Payload } from "altcha-lib/v1/types";
import { z } from "zod";
import { db } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { deriveKey } from "./keys";

/**
 * The "Contrôle de sécurité": a proof of work in the ALTCHA v1 format, self-hosted. The server picks a
 * secret number n in [1, maxnumber] and sends SHA-256(salt + n) with an HMAC of it; the browser tries
 * 0, 1, 2... until the hash matches and sends the number back. The salt carries `?expires=`, and the
 * salt is bound to the signed hash, so the expiry cannot be altered without breaking the signature.
 */

/**
 * The browser tries maxnumber / 2 hashes on average, maxnumber at worst. Measured with public/pow-worker.js
 * in Chromium on a shared 2-vCPU VM (about as fast as a mid-range phone), 20 runs: 0.7 s on average,
 * 1.75 s at worst; with the CPU slowed 4× (a low-end phone) 1.3 s on average, 2.8 s at worst.
 * A bot pays that for every form it posts: a second for one parent, days of CPU for a flood of sign-ups.
 */
export const POW_MAX_NUMBER = 100_000;
export const POW_TTL_MS = 10 * 60 * 1000;
const HMAC_PURPOSE = "altcha-pow";

export const POW_MESSAGES = {
  missing: "Le contrôle de sécurité n'est pas terminé : patientez quelques secondes, puis validez à nouveau.",
  invalid: "Le contrôle de sécurité a échoué : patientez pendant la nouvelle vérification, puis validez à nouveau.",
  expired: "Le contrôle de sécurité a expiré : patientez pendant la nouvelle vérification, puis validez à nouveau.",
  replayed: "Ce contrôle de sécurité a déjà servi : patientez pendant la nouvelle vérification, puis validez à nouveau.",
} as const;

export type PowChallenge = Challenge;
export type PowResult = { ok: true } | { ok: false; message: string };
/** The signature-and-expiry part of the verification, which needs no database. */
export type PowCheck = { ok: true; signature: string; expiresAt: Date } | { ok: false; message: string };

function hmacKey(): string {
  return deriveKey(HMAC_PURPOSE).toString("hex");
}

/** A fresh challenge for GET /api/securite/defi. `maxNumber` and `now` are there for the tests. */
export async function createPowChallenge({ maxNumber = POW_MAX_NUMBER, now = new Date() } = {}): Promise<PowChallenge> {
  return createChallenge({
    algorithm: "SHA-256",
    hmacKey: hmacKey(),
    maxnumber: maxNumber,
    expires: new Date(now.getTime() + POW_TTL_MS),
  });
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const payloadSchema = z.object({
  algorithm: z.literal("SHA-256"),
  challenge: hex64,
  number: z.number().int().nonnegative(),
  salt: z.string().min(1).max(200),
  signature: hex64,
});

function decodePayload(payload: string): Payload | null {
  if (payload.length > 2048) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Checks the signature, the solution and the expiry; does not redeem the challenge. */
export async function checkPowSolution(payload: string, now: Date = new Date()): Promise<PowCheck> {
  if (!payload) return { ok: false, message: POW_MESSAGES.missing };
  const solution = decodePayload(payload);
  // The library's own expiry check reads the clock; ours takes `now`, and also refuses a salt without expiry.
  if (!solution || !(await verifySolution(solution, hmacKey(), false))) return { ok: false, message: POW_MESSAGES.invalid };
  const expires = Number(extractParams(solution).expires);
  if (!Number.isSafeInteger(expires)) return { ok: false, message: POW_MESSAGES.invalid };
  const expiresAt = new Date(expires * 1000);
  if (expiresAt <= now) return { ok: false, message: POW_MESSAGES.expired };
  return { ok: true, signature: solution.signature, expiresAt };
}

/**
 * The server-side verification of the "Contrôle de sécurité" field. It burns the challenge, so call it
 * last, once the rest of the form is valid: a parent who corrects another field keeps a usable payload.
 */
export async function verifyPowSolution(payload: string): Promise<PowResult> {
  const check = await checkPowSolution(payload);
  if (!check.ok) return check;
  return (await redeemChallenge(check.signature, check.expiresAt)) ? { ok: true } : { ok: false, message: POW_MESSAGES.replayed };
}

/** Records the challenge as used; false when it already was (the primary key makes this race-free). */
async function redeemChallenge(signature: string, expiresAt: Date): Promise<boolean> {
  const signatureHash = createHash("sha256").update(signature).digest("hex");
  try {
    await db().usedChallenge.create({ data: { signatureHash, expiresAt } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
  // An expired challenge is refused before reaching the table, so its row is no longer needed.
  await db().usedChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return true;
}
