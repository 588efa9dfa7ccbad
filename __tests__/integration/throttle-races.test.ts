jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { randomUUID } from "node:crypto";
import { verifyParentCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/platform/security/password";
import { db } from "@/lib/platform/db";
import { linkChildKeyAction } from "@/lib/dossier/child-key-actions";
import { claimAttempt, THROTTLE_POLICIES } from "@/lib/platform/security/throttle";
import { closeAccountAction } from "@/lib/privacy/actions";
import { signValue } from "@/lib/platform/security/signed-value";
import { completeStaffSignIn, verifyStaffPassword } from "@/lib/auth/staff-sign-in";
import { sealTotpSecret } from "@/lib/auth/totp-secret";
import { testPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";
import { actAs, form } from "./support/request-scope";

/**
 * Every throttle counts and records in one step: N simultaneous wrong attempts never get more than the
 * limit of checks (the others are refused before anything is checked).
 */
const prisma = testPrisma();
const PASSWORD = "Tulipes-et-Roses-7";
const N = 12;
const limit = THROTTLE_POLICIES.parent.perPair;

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const fresh = () => `race.${randomUUID().slice(0, 8)}`;
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

const parentRow = () =>
  createParent({ loginPrefix: "race", usageName: "TESTA", firstNames: "Solange", password: PASSWORD, account: { civility: "MADAME" } });

async function staffRow(withTotp = false) {
  const login = fresh();
  return prisma.staffUser.create({
    data: {
      login,
      email: `${login}@mairie.example`,
      displayName: "Agent Course",
      passwordHash: await hashPassword(PASSWORD),
      role: "AGENT",
      ...(withTotp ? { totpSecret: sealTotpSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), totpEnabledAt: new Date() } : {}),
    },
  });
}

describe("simultaneous wrong attempts never check more than the limit", () => {
  test("parent passwords", async () => {
    const parent = await parentRow();
    actAs(null, address());
    const results = await Promise.all(Array.from({ length: N }, () => verifyParentCredentials(parent.login!, "mauvais-mot-de-passe")));
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(limit);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(N - limit);
    await expect(prisma.loginAttempt.count({ where: { scope: "parent", identifier: parent.login! } })).resolves.toBe(limit);
  });

  test("staff passwords", async () => {
    const staff = await staffRow();
    actAs(null, address());
    const results = await Promise.all(Array.from({ length: N }, () => verifyStaffPassword(staff.login, "mauvais-mot-de-passe")));
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(THROTTLE_POLICIES.staff.perPair);
    await expect(prisma.loginAttempt.count({ where: { scope: "staff", identifier: staff.login } })).resolves.toBe(
      THROTTLE_POLICIES.staff.perPair,
    );
  });

  test("TOTP codes", async () => {
    const staff = await staffRow(true);
    actAs(null, address());
    const challenge = signValue("staff-sign-in", `${staff.id}.${staff.sessionVersion}.${Date.now() + 60_000}`);
    const results = await Promise.all(Array.from({ length: N }, () => completeStaffSignIn(challenge, "000000")));
    expect(results.filter((result) => !result.ok && result.reason === "code")).toHaveLength(THROTTLE_POLICIES["staff-totp"].perPair);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(
      N - THROTTLE_POLICIES["staff-totp"].perPair,
    );
  });

  test("the Clé Enfance", async () => {
    const parent = await parentRow();
    const ip = address();
    actAs({ user: { id: parent.id, kind: "parent", sessionVersion: 0 } }, ip);
    const results = await Promise.all(
      Array.from({ length: N }, () => linkChildKeyAction({ status: "idle" }, form({ cle: "ABCD-EFGH-JKLM" }))),
    );
    expect(results.filter((result) => result.message?.startsWith("Cette clé enfance n'est pas reconnue"))).toHaveLength(
      THROTTLE_POLICIES["child-key"].perPair,
    );
    await expect(prisma.loginAttempt.count({ where: { scope: "child-key", ipAddress: ip } })).resolves.toBe(
      THROTTLE_POLICIES["child-key"].perPair,
    );
  });

  test("account closure", async () => {
    const parent = await parentRow();
    actAs({ user: { id: parent.id, kind: "parent", sessionVersion: 0 } }, address());
    const previous = { status: "idle" as const };
    const results = await Promise.all(
      Array.from({ length: N }, () => closeAccountAction(previous, form({ confirmation: "mauvais-mot-de-passe" }))),
    );
    const wrong = results.filter((result) => result.status === "error" && /incorrect/.test(String(result.fieldErrors.confirmation)));
    expect(wrong).toHaveLength(THROTTLE_POLICIES["account-closure"].perPair);
    await expect(prisma.account.findUniqueOrThrow({ where: { id: parent.id } })).resolves.toMatchObject({ status: "ACTIVE" });
  });
});

describe("the limits", () => {
  test("refused anonymous staff attempts write a bounded number of audit rows", async () => {
    const staff = await staffRow();
    actAs(null, address());
    for (let attempt = 0; attempt < 3 * limit; attempt += 1) await verifyStaffPassword(staff.login, `faux-${attempt}`);
    const rows = await prisma.auditLog.findMany({ where: { actorType: "ANONYMOUS", targetId: staff.id }, orderBy: { id: "asc" } });
    // The first failure, then the one that locks the identifier from this address; nothing for the refusals.
    expect(rows.map((row) => row.action)).toEqual(["staff.sign_in_failed", "staff.sign_in_throttled"]);
  });

  test("an identifier is locked from the address that failed, not from a colleague's", async () => {
    const identifier = fresh();
    const attacker = address();
    for (let attempt = 0; attempt < limit; attempt += 1) expect((await claimAttempt("staff", identifier, attacker)).throttled).toBe(false);
    expect((await claimAttempt("staff", identifier, attacker)).throttled).toBe(true);
    // The colleague, at their own desk, still signs in.
    expect((await claimAttempt("staff", identifier, "192.0.2.10")).throttled).toBe(false);
  });

  test("an address trying many identifiers is stopped", async () => {
    const ip = address();
    for (let attempt = 0; attempt < THROTTLE_POLICIES.parent.perAddress; attempt += 1) await claimAttempt("parent", fresh(), ip);
    expect((await claimAttempt("parent", fresh(), ip)).throttled).toBe(true);
  });

  test("a success resets the count for the identifier from that address", async () => {
    const identifier = fresh();
    const ip = address();
    for (let attempt = 0; attempt < limit - 1; attempt += 1) await claimAttempt("parent", identifier, ip);
    const good = await claimAttempt("parent", identifier, ip);
    if (good.throttled) throw new Error("should not be throttled yet");
    await good.succeed();
    await claimAttempt("parent", identifier, ip);
    expect((await claimAttempt("parent", identifier, ip)).throttled).toBe(false);
  });
});
