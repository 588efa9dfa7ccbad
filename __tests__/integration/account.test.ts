import { randomUUID } from "node:crypto";
import { consumeToken, hashToken, issueToken, peekToken } from "@/lib/account/tokens";
import { loginTaken } from "@/lib/account/signup-steps";
import { testPrisma } from "../fixtures/db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

async function newAccount(login = `int.${randomUUID().slice(0, 8)}`) {
  return prisma.account.create({
    data: {
      login,
      email: `${login}@example.org`,
      civility: "MADAME",
      usageName: "TESTA",
      firstNames: "Solange",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
}

describe("single-use tokens", () => {
  test("only the hash is stored; a token works once", async () => {
    const account = await newAccount();
    const token = await issueToken(account.id, "ACTIVATION");
    const rows = await prisma.accountToken.findMany({ where: { accountId: account.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    await expect(peekToken(token, "ACTIVATION")).resolves.toBe("valid");
    await expect(consumeToken(token, "ACTIVATION")).resolves.toMatchObject({ status: "ok", accountId: account.id });
    await expect(consumeToken(token, "ACTIVATION")).resolves.toMatchObject({ status: "used" });
  });

  test("two simultaneous uses: exactly one wins", async () => {
    const account = await newAccount();
    const token = await issueToken(account.id, "PASSWORD_RESET");
    const results = await Promise.all(Array.from({ length: 5 }, () => consumeToken(token, "PASSWORD_RESET")));
    expect(results.filter((result) => result.status === "ok")).toHaveLength(1);
  });

  test("an expired token is refused, and a token is bound to its purpose", async () => {
    const account = await newAccount();
    const token = await issueToken(account.id, "PASSWORD_RESET");
    await prisma.accountToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(consumeToken(token, "PASSWORD_RESET")).resolves.toMatchObject({ status: "expired" });
    const other = await issueToken(account.id, "ACTIVATION");
    await expect(consumeToken(other, "PASSWORD_RESET")).resolves.toEqual({ status: "invalid" });
    await expect(consumeToken("not-a-token", "ACTIVATION")).resolves.toEqual({ status: "invalid" });
  });

  test("a new link cancels the previous one", async () => {
    const account = await newAccount();
    const first = await issueToken(account.id, "ACTIVATION");
    const second = await issueToken(account.id, "ACTIVATION");
    await expect(consumeToken(first, "ACTIVATION")).resolves.toMatchObject({ status: "expired" });
    await expect(consumeToken(second, "ACTIVATION")).resolves.toMatchObject({ status: "ok" });
  });
});

describe("identifiers", () => {
  test("an identifier is taken whatever its case", async () => {
    const account = await newAccount(`pris.${randomUUID().slice(0, 8)}`);
    await expect(loginTaken(account.login!.toUpperCase())).resolves.toBe(true);
    await expect(loginTaken(`libre.${randomUUID().slice(0, 8)}`)).resolves.toBe(false);
  });
  test("the database refuses a duplicate identifier even if two sign-ups race", async () => {
    const login = `course.${randomUUID().slice(0, 8)}`;
    const results = await Promise.allSettled([newAccount(login), newAccount(login)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });
});
