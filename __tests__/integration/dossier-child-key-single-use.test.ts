jest.mock("next/headers", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextHeadersMock);
jest.mock("next/cache", () => jest.requireActual<typeof import("./support/request-scope")>("./support/request-scope").nextCacheMock);
jest.mock("@/lib/auth/config", () => jest.requireActual<typeof import("./support/auth-mock")>("./support/auth-mock").authConfigMock);

import { db } from "@/lib/platform/db";
import { CHILD_KEY_USED_MESSAGE, issueChildKey } from "@/lib/dossier/child-keys";
import { linkChildKeyAction } from "@/lib/dossier/child-key-actions";
import { collectExport } from "@/lib/privacy/export";
import { testPrisma } from "../fixtures/db";
import { createMarkedParent, createRichParent } from "./support/privacy-fixtures";
import { actAs, form, outcomeOf } from "./support/request-scope";

/**
 * A Clé Enfance links one account: a separated parent who kept the letter cannot link a new account later.
 * The holders already linked are told; a linked account exports only what it provided plus the dossier's people.
 */
const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const asParent = (id: string) => actAs({ user: { id, kind: "parent", sessionVersion: 0 } });

test("a key links one account; a second account with the same key is refused", async () => {
  const holder = await createRichParent(prisma);
  const key = await issueChildKey(holder.family.id, null);
  const first = await createMarkedParent(prisma);
  asParent(first.id);
  expect(await outcomeOf(() => linkChildKeyAction({ status: "idle" }, form({ cle: key })))).toEqual({
    kind: "redirected",
    to: "/espace?cle=ok",
  });

  const second = await createMarkedParent(prisma);
  asParent(second.id);
  expect(await outcomeOf(() => linkChildKeyAction({ status: "idle" }, form({ cle: key })))).toMatchObject({
    kind: "returned",
    value: { status: "error", message: CHILD_KEY_USED_MESSAGE },
  });
  await expect(prisma.account.findUniqueOrThrow({ where: { id: second.id } })).resolves.toMatchObject({ familyId: null });
});

test("two accounts racing with one key: exactly one is linked", async () => {
  const holder = await createRichParent(prisma);
  const key = await issueChildKey(holder.family.id, null);
  const racers = await Promise.all([createMarkedParent(prisma), createMarkedParent(prisma), createMarkedParent(prisma)]);
  const outcomes = [];
  for (const racer of racers) {
    asParent(racer.id);
    outcomes.push(outcomeOf(() => linkChildKeyAction({ status: "idle" }, form({ cle: key }))));
  }
  await Promise.all(outcomes);
  await expect(prisma.account.count({ where: { id: { in: racers.map((racer) => racer.id) }, familyId: holder.family.id } })).resolves.toBe(
    1,
  );
});

test("the holders already linked are told by mail", async () => {
  const holder = await createRichParent(prisma);
  const key = await issueChildKey(holder.family.id, null);
  const other = await createMarkedParent(prisma);
  asParent(other.id);
  await outcomeOf(() => linkChildKeyAction({ status: "idle" }, form({ cle: key })));
  const told = [
    ...(await prisma.queuedMail.findMany({ where: { to: holder.email } })),
    ...(await prisma.outboxMail.findMany({ where: { to: holder.email } })),
  ];
  expect(told).toEqual([
    expect.objectContaining({ subject: expect.stringContaining("Un autre compte a été associé à votre dossier famille") }),
  ]);
  expect(told[0]!.text).toContain(`F-T-${holder.marker}`);
});

test("a linked account exports its own documents and the dossier's people, not the other parent's documents", async () => {
  const holder = await createRichParent(prisma);
  const key = await issueChildKey(holder.family.id, null);
  const other = await createMarkedParent(prisma);
  asParent(other.id);
  await outcomeOf(() => linkChildKeyAction({ status: "idle" }, form({ cle: key })));

  const bundle = await collectExport(other.id);
  const json = JSON.stringify(bundle.data);
  expect(json).not.toContain(`${holder.marker}-famille`);
  expect(bundle.data.documents).toEqual([]);
  expect(bundle.files).toEqual([]);
  // The dossier's people are there.
  expect(json).toContain(`Enfant${holder.marker}`);
});

test("the export holds the attempts of every scope recorded about the account", async () => {
  const parent = await createMarkedParent(prisma);
  await prisma.loginAttempt.createMany({
    data: [
      { scope: "parent", identifier: parent.login, ipAddress: "192.0.2.1", succeeded: false },
      { scope: "account-closure", identifier: parent.id, ipAddress: "192.0.2.2", succeeded: false },
      { scope: "password-reset", identifier: parent.email, ipAddress: "192.0.2.3", succeeded: false },
    ],
  });
  const bundle = await collectExport(parent.id);
  const attempts = (bundle.data as unknown as { signInAttempts: { scope: string }[] }).signInAttempts;
  expect(attempts.map((attempt) => attempt.scope).sort()).toEqual(["account-closure", "parent", "password-reset"]);
});
