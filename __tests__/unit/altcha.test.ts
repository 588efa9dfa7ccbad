import { createHash, webcrypto } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createChallenge } from "altcha-lib/v1";
import {
  POW_MAX_NUMBER,
  POW_MESSAGES,
  POW_TTL_MS,
  checkPowSolution,
  createPowChallenge,
  type PowChallenge,
} from "@/lib/platform/security/altcha";
import { deriveKey } from "@/lib/platform/security/keys";

// env() is read lazily, at the first challenge; `npm test` sets its own random secret.
process.env.AUTH_SECRET ??= "unit-test-secret-of-at-least-32-characters";

/** What a browser does: SHA-256(salt + n) for n = 0, 1, 2... */
function solve({ challenge, salt, maxnumber = 0 }: PowChallenge): number {
  for (let n = 0; n <= maxnumber; n++) {
    if (
      createHash("sha256")
        .update(salt + n)
        .digest("hex") === challenge
    )
      return n;
  }
  throw new Error("no solution");
}

function payloadFor(challenge: PowChallenge, overrides: Record<string, unknown> = {}): string {
  const { algorithm, salt, signature } = challenge;
  const solution = { algorithm, challenge: challenge.challenge, number: solve(challenge), salt, signature, took: 12, ...overrides };
  return Buffer.from(JSON.stringify(solution)).toString("base64");
}

/** Runs public/pow-worker.js as a browser would start it, with only what a worker has. */
function solveWithWorkerScript(challenge: PowChallenge): Promise<number | null> {
  const script = readFileSync(path.join(__dirname, "../../public/pow-worker.js"), "utf8");
  return new Promise((resolve) => {
    const self: { onmessage?: (event: { data: unknown }) => void; postMessage: (message: { number: number | null }) => void } = {
      postMessage: (message) => resolve(message.number),
    };
    vm.runInNewContext(script, { self, crypto: webcrypto, TextEncoder });
    self.onmessage?.({ data: { challenge: challenge.challenge, salt: challenge.salt, maxnumber: challenge.maxnumber } });
  });
}

describe("createPowChallenge", () => {
  it("issues a signed SHA-256 challenge whose salt carries a 10-minute expiry", async () => {
    const before = Math.floor(Date.now() / 1000);
    const challenge = await createPowChallenge();
    expect(challenge).toMatchObject({ algorithm: "SHA-256", maxnumber: POW_MAX_NUMBER });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    const expires = Number(new URLSearchParams(challenge.salt.split("?")[1]).get("expires"));
    expect(expires - before).toBeGreaterThanOrEqual(POW_TTL_MS / 1000);
    expect(expires - before).toBeLessThanOrEqual(POW_TTL_MS / 1000 + 2);
  });

  it("never issues the same challenge twice", async () => {
    const [a, b] = await Promise.all([createPowChallenge({ maxNumber: 10 }), createPowChallenge({ maxNumber: 10 })]);
    expect(a?.salt).not.toBe(b?.salt);
    expect(a?.signature).not.toBe(b?.signature);
  });
});

describe("checkPowSolution", () => {
  it("accepts a solved challenge", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200 });
    const check = await checkPowSolution(payloadFor(challenge));
    expect(check).toEqual({ ok: true, signature: challenge.signature, expiresAt: expect.any(Date) });
  });

  it("accepts the number found by public/pow-worker.js", async () => {
    const challenge = await createPowChallenge({ maxNumber: 2_000 });
    const number = await solveWithWorkerScript(challenge);
    expect(number).toBe(solve(challenge));
    expect((await checkPowSolution(payloadFor(challenge, { number }))).ok).toBe(true);
  });

  it("asks to wait when the field is empty (the browser has not finished)", async () => {
    expect(await checkPowSolution("")).toEqual({ ok: false, message: POW_MESSAGES.missing });
  });

  it("refuses a wrong number", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200 });
    const wrong = (solve(challenge) + 1) % 201;
    expect(await checkPowSolution(payloadFor(challenge, { number: wrong }))).toEqual({ ok: false, message: POW_MESSAGES.invalid });
  });

  it("refuses a salt whose expiry was pushed back", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200 });
    const salt = challenge.salt.replace(/expires=\d+/, "expires=4102444800");
    expect(salt).not.toBe(challenge.salt);
    expect(await checkPowSolution(payloadFor(challenge, { salt }))).toEqual({ ok: false, message: POW_MESSAGES.invalid });
  });

  it("refuses an altered signature", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200 });
    const signature = (challenge.signature[0] === "0" ? "1" : "0") + challenge.signature.slice(1);
    expect(await checkPowSolution(payloadFor(challenge, { signature }))).toEqual({ ok: false, message: POW_MESSAGES.invalid });
  });

  it("refuses a challenge a bot made itself with another key", async () => {
    const forged = await createChallenge({ hmacKey: "guessed", maxnumber: 5, expires: new Date(Date.now() + 60_000) });
    expect(await checkPowSolution(payloadFor(forged))).toEqual({ ok: false, message: POW_MESSAGES.invalid });
  });

  it("refuses another algorithm and anything that is not a payload", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200 });
    expect((await checkPowSolution(payloadFor(challenge, { algorithm: "SHA-1" }))).ok).toBe(false);
    expect((await checkPowSolution(payloadFor(challenge, { salt: 42 }))).ok).toBe(false);
    expect((await checkPowSolution("pas du base64 !")).ok).toBe(false);
    expect((await checkPowSolution(Buffer.from("null").toString("base64"))).ok).toBe(false);
    expect((await checkPowSolution("A".repeat(10_000))).ok).toBe(false);
  });

  it("refuses a challenge solved after its 10 minutes", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200 });
    const payload = payloadFor(challenge);
    expect((await checkPowSolution(payload, new Date(Date.now() + POW_TTL_MS - 5_000))).ok).toBe(true);
    expect(await checkPowSolution(payload, new Date(Date.now() + POW_TTL_MS + 1_000))).toEqual({
      ok: false,
      message: POW_MESSAGES.expired,
    });
  });

  it("refuses a challenge issued more than 10 minutes ago", async () => {
    const challenge = await createPowChallenge({ maxNumber: 200, now: new Date(Date.now() - POW_TTL_MS - 1_000) });
    expect(await checkPowSolution(payloadFor(challenge))).toEqual({ ok: false, message: POW_MESSAGES.expired });
  });
});

describe("deriveKey", () => {
  it("gives a 32-byte key per purpose, stable for a given secret", () => {
    expect(deriveKey("altcha-pow")).toHaveLength(32);
    expect(deriveKey("altcha-pow").equals(deriveKey("altcha-pow"))).toBe(true);
    expect(deriveKey("altcha-pow").equals(deriveKey("signed-value:draft"))).toBe(false);
  });
});
