import { spawnSync } from "node:child_process";

/**
 * schema.prisma and the committed migrations must agree, and the test database must hold them all:
 * a model changed without `npm run db:migrate -- <name>` fails here.
 */
test("the migrations match schema.prisma and are all applied", () => {
  const result = spawnSync(process.execPath, ["scripts/db/cli.mjs", "status"], {
    env: { ...process.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output).toContain("schema.prisma: in sync with the migrations.");
  expect(result.status).toBe(0);
}, 150_000);
