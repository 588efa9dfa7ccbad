import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/platform/db";
import { POW_MESSAGES, createPowChallenge, verifyPowSolution, type PowChallenge } from "@/lib/platform/security/altcha";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A solved challenge, as the browser posts it in the hidden field. */
async function solvedPayload(): Promise<{ challenge: PowChallenge; payload: string; wrongPayload: string }> {
  const challenge = await createPowChallenge({ maxNumber: 500 });
  let number = 0;
  while (sha256(challenge.salt + number) !== challenge.challenge) number += 1;
  const { algorithm, salt, signature } = challenge;
  const encode = (value: number) =>
    Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: value, salt, signature })).toString("base64");
  return { challenge, payload: encode(number), wrongPayload: encode(number + 1) };
}

describe("verifyPowSolution against the database", () => {
  test("a solved challenge passes once, then is refused as already used", async () => {
    const { challenge, payload } = await solvedPayload();

    expect(await verifyPowSolution(payload)).toEqual({ ok: true });
    expect(await verifyPowSolution(payload)).toEqual({ ok: false, message: POW_MESSAGES.replayed });

    // Only a hash of the signature is kept, with the challenge's expiry.
    const row = await prisma.usedChallenge.findUnique({ where: { signatureHash: sha256(challenge.signature) } });
    const expires = Number(new URLSearchParams(challenge.salt.split("?")[1]).get("expires"));
    expect(row?.expiresAt.getTime()).toBe(expires * 1000);
  });

  test("two submissions of the same payload at the same moment: exactly one passes", async () => {
    const { payload } = await solvedPayload();
    const results = await Promise.all([verifyPowSolution(payload), verifyPowSolution(payload), verifyPowSolution(payload)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, message: POW_MESSAGES.replayed },
      { ok: false, message: POW_MESSAGES.replayed },
    ]);
  });

  test("a wrong answer is refused without burning the challenge: the right one still passes", async () => {
    const { payload, wrongPayload } = await solvedPayload();
    const before = await prisma.usedChallenge.count();
    expect(await verifyPowSolution(wrongPayload)).toEqual({ ok: false, message: POW_MESSAGES.invalid });
    expect(await prisma.usedChallenge.count()).toBe(before);
    expect(await verifyPowSolution(payload)).toEqual({ ok: true });
  });

  test("redeeming a challenge clears the rows of challenges that have expired", async () => {
    const stale = randomBytes(32).toString("hex");
    await prisma.usedChallenge.create({ data: { signatureHash: stale, expiresAt: new Date(Date.now() - 60_000) } });
    const { payload } = await solvedPayload();

    expect(await verifyPowSolution(payload)).toEqual({ ok: true });
    expect(await prisma.usedChallenge.findUnique({ where: { signatureHash: stale } })).toBeNull();
  });
});
