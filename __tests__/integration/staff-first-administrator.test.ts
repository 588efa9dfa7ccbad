import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { verifyPassword } from "@/lib/platform/security/password";
import { testPrisma } from "../fixtures/db";

/** `npm run admin:create`: the first administrator of a new database, with the password from a file, never an argument. */
const prisma = testPrisma();
const run = promisify(execFile);
const PASSWORD = "Hirondelle-Basalte-Quai-31";
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ef-admin-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

function adminCreate(args: string[]) {
  return run(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "scripts/admin-create.ts", ...args], {
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

test("creates an administrator whose password comes from a file", async () => {
  const login = `premier.${randomUUID().slice(0, 6)}`;
  const file = path.join(dir, "mot-de-passe");
  writeFileSync(file, `${PASSWORD}\n`, { mode: 0o600 });
  const result = await adminCreate([
    "--login",
    login,
    "--email",
    `${login}@mairie.example`,
    "--name",
    "Premier ADMIN",
    "--password-file",
    file,
  ]);
  expect(result).toMatchObject({ code: 0 });
  const staff = await prisma.staffUser.findUniqueOrThrow({ where: { login } });
  expect(staff).toMatchObject({ role: "ADMINISTRATOR", active: true, totpEnabledAt: null });
  await expect(verifyPassword(staff.passwordHash, PASSWORD)).resolves.toBe(true);
}, 60_000);

test("refuses a password given as an argument, and a weak one", async () => {
  const login = `second.${randomUUID().slice(0, 6)}`;
  const refused = await adminCreate([
    "--login",
    login,
    "--email",
    `${login}@mairie.example`,
    "--name",
    "Second ADMIN",
    "--password",
    PASSWORD,
  ]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain("jamais en argument");
  const weak = path.join(dir, "faible");
  writeFileSync(weak, "court\n");
  const tooShort = await adminCreate([
    "--login",
    login,
    "--email",
    `${login}@mairie.example`,
    "--name",
    "Second ADMIN",
    "--password-file",
    weak,
  ]);
  expect(tooShort.code).toBe(1);
  await expect(prisma.staffUser.count({ where: { login } })).resolves.toBe(0);
}, 60_000);
