jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { randomUUID } from "node:crypto";
import seed, { RealDatabaseError } from "../../prisma/seed";
import HomePage from "@/app/(public)/page";
import { db } from "@/lib/platform/db";
import { demoAdmin } from "@/lib/platform/demo/accounts";
import { DELETION_ERRORS, deletionErrorMessage } from "@/lib/documents/service";
import { config as proxyConfig } from "@/proxy";
import { testPrisma } from "../fixtures/db";
import { createParent } from "../fixtures/parents";
import { actAs, outcomeOf } from "./support/request-scope";

const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

test("the demo seed refuses a database that holds real accounts", async () => {
  // This database was never seeded with the demo (the browser tests seed it later, as a throwaway database).
  await expect(prisma.staffUser.count({ where: { login: demoAdmin.login } })).resolves.toBe(0);
  const login = `reel.${randomUUID().slice(0, 8)}`;
  await prisma.account.create({
    data: {
      login,
      email: `${login}@example.org`,
      civility: "MADAME",
      usageName: "REEL",
      firstNames: "Rita",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
  await expect(seed(process.env.DATABASE_URL!)).rejects.toBeInstanceOf(RealDatabaseError);
  await expect(prisma.staffUser.count({ where: { login: demoAdmin.login } })).resolves.toBe(0);
});

test("/espace/documents shows only the messages of known error codes", () => {
  expect(deletionErrorMessage("transmis")).toBe(DELETION_ERRORS.transmis);
  expect(deletionErrorMessage("Votre compte est suspendu : appelez le 08 99 ...")).toBeNull();
  expect(deletionErrorMessage("constructor")).toBeNull();
  expect(deletionErrorMessage(undefined)).toBeNull();
});

test("the proxy runs for prefetch requests too (CSP, gate, French 503)", () => {
  expect(JSON.stringify(proxyConfig.matcher)).not.toMatch(/prefetch|missing/);
});

test("a signed-in parent who opens the portal's address goes to their home", async () => {
  const parent = await createParent({ loginPrefix: "accueil", usageName: "ACCUEIL", firstNames: "Ada", account: { civility: "MADAME" } });
  actAs({ user: { id: parent.id, kind: "parent", sessionVersion: 0 } });
  expect(await outcomeOf(() => HomePage())).toEqual({ kind: "redirected", to: "/espace" });
  actAs(null);
  expect((await outcomeOf(() => HomePage())).kind).toBe("returned");
});

test("accounts never activated are purged after the retention period, the others kept", async () => {
  const { purge } = await import("@/lib/privacy/retention");
  const { town } = await import("@/lib/platform/town");
  const days = town().retention.unactivatedAccountDays;
  const make = (suffix: string, createdAt: Date, status: "PENDING_ACTIVATION" | "ACTIVE") =>
    prisma.account.create({
      data: {
        login: `jamais.${suffix}.${randomUUID().slice(0, 8)}`,
        email: `${randomUUID()}@example.org`,
        civility: "MADAME",
        usageName: "JAMAIS",
        firstNames: "Jade",
        status,
        createdAt,
        cguAcceptedAt: createdAt,
        cguVersion: "test",
      },
    });
  const old = new Date(Date.now() - (days + 2) * 24 * 3600 * 1000);
  const forgotten = await make("oublie", old, "PENDING_ACTIVATION");
  const recent = await make("recent", new Date(), "PENDING_ACTIVATION");
  const active = await make("actif", old, "ACTIVE");
  const report = await purge();
  expect(report.counts.unactivatedAccounts).toBeGreaterThanOrEqual(1);
  await expect(prisma.account.findUnique({ where: { id: forgotten.id } })).resolves.toBeNull();
  await expect(prisma.account.count({ where: { id: { in: [recent.id, active.id] } } })).resolves.toBe(2);
});
