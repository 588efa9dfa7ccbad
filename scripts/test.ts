/**
 * `npm test`: every test, on a fresh database, against the built app in a real Chromium.
 *  1. a new database (on DATABASE_URL's server when set, else an embedded PGlite), migrations applied;
 *  2. Jest: unit, components, integration;
 *  3. `npm run build` (standalone output), the standalone server on a free port (as a town runs it) with a job
 *     worker (`npm run worker`), demo data loaded, then the browser tests (Jest "e2e");
 *  4. the load and fault tests (Jest "faults"): they start, kill and restart their own servers and workers from the
 *     same build, and cut their own relay to the database (never the database server itself);
 *  5. everything stopped and the database dropped, whatever happened.
 * Options: --skip-e2e (skips 3 and 4: both need the build), --only-e2e (3 and 4), --only-faults (4 alone, after
 * the build), --no-build (reuse .next), and Jest arguments after "--" (given to every phase; a phase where they
 * select no test passes).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "./db/test-database.mjs";
import { startStandinForPortal } from "./franceconnect-standin/index.mjs";
import { startApiParticulierStandin } from "./api-particulier-standin";
import { startPayfipStandin } from "./payfip-standin";
import { buildPortal, freePort, run, runEnvironment, startJobWorker, startPortal } from "./lib/portal";
import seed from "../prisma/seed";

const args = process.argv.slice(2);
const separator = args.indexOf("--");
const flags = separator === -1 ? args : args.slice(0, separator);
const jestArgs = separator === -1 ? [] : args.slice(separator + 1);
const skipE2e = flags.includes("--skip-e2e");
const onlyFaults = flags.includes("--only-faults");
const onlyE2e = flags.includes("--only-e2e") || onlyFaults;
const noBuild = flags.includes("--no-build");

const totals = { passed: 0, failed: 0 };

/** Runs Jest and adds its counts to the totals printed at the end. */
async function runJest(jestArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const report = path.join(mkdtempSync(path.join(os.tmpdir(), "ef-jest-")), "report.json");
  const code = await run(process.execPath, [jestBin, ...jestArgs, "--json", `--outputFile=${report}`], env);
  try {
    const result = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
    totals.passed += result.numPassedTests;
    totals.failed += result.numFailedTests;
  } catch {
    totals.failed += 1; // Jest could not even report: count it as a failure
  }
  rmSync(path.dirname(report), { recursive: true, force: true });
  return code;
}

const jestBin = require.resolve("jest/bin/jest");

async function main(): Promise<number> {
  const database = await createTestDatabase();
  const storage = mkdtempSync(path.join(os.tmpdir(), "ef-files-"));
  const env = runEnvironment({ databaseUrl: database.url, poolMax: database.poolMax, storageDir: storage });
  const stops: (() => unknown)[] = [() => rmSync(storage, { recursive: true, force: true }), () => database.drop()];
  let failures = 0;
  try {
    // The job queue's schema and queues, as a worker or a web process prepares them at start: a test may then
    // enqueue a job inside any transaction.
    const prepared = await run(
      process.execPath,
      [require.resolve("tsx/cli"), "--conditions=react-server", path.join("scripts", "worker.ts"), "--prepare"],
      env,
    );
    if (prepared !== 0) return 1;
    if (!onlyE2e) {
      const code = await runJest(
        ["--selectProjects", "unit", "components", "integration", "--runInBand", "--passWithNoTests", ...jestArgs],
        env,
      );
      if (code !== 0) failures += 1;
    }
    if (!skipE2e) {
      if (!noBuild) {
        const built = await buildPortal(env);
        if (built !== 0) return 1;
      }
      if (!onlyFaults) failures += await runBrowserTests(env, database.url, storage);
      if (database.poolMax) {
        // The embedded PGlite serves one connection at a time: the fault tests hold locks while the portal waits.
        console.log("\nTests de charge et de pannes non lancés : ils demandent un vrai PostgreSQL (DATABASE_URL).");
      } else {
        // After the browser tests, on the same build and database; the e2e server is stopped by then.
        const code = await runJest(["--selectProjects", "faults", "--runInBand", "--passWithNoTests", ...jestArgs], env);
        if (code !== 0) failures += 1;
      }
    }
  } finally {
    for (const stop of stops) await stop();
  }
  console.log(`\nTotal: ${totals.passed} passed, ${totals.failed} failed`);
  return failures === 0 && totals.failed === 0 ? 0 : 1;
}

/** Demo data, `next start` on a free port (and the FranceConnect stand-in), the browser tests; then all of it stopped. */
async function runBrowserTests(env: NodeJS.ProcessEnv, databaseUrl: string, storage: string): Promise<number> {
  await seed(databaseUrl, { fileStorageDir: storage, authSecret: env.AUTH_SECRET, throwawayDatabase: true });
  const stops: (() => unknown)[] = [];
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // The browser tests sign in with FranceConnect against the local stand-in, unless FranceConnect is configured.
    let franceConnectEnv: Record<string, string> = {};
    if (!process.env.FRANCECONNECT_ISSUER) {
      const standin = await startStandinForPortal({ appUrl: baseUrl });
      stops.unshift(() => standin.stop());
      franceConnectEnv = standin.env;
    }
    // PayFiP and API Particulier: their local stand-ins (the journeys pay through the PayFiP one).
    const payfip = await startPayfipStandin();
    stops.unshift(() => payfip.stop());
    const apiParticulier = await startApiParticulierStandin();
    stops.unshift(() => apiParticulier.stop());
    const billingEnv = { PAYFIP_BASE_URL: payfip.url, PAYFIP_SAISIE: "T", API_PARTICULIER_URL: apiParticulier.url };
    const server = await startPortal({ ...env, ...franceConnectEnv, ...billingEnv }, port);
    stops.unshift(() => server.stop());
    // The mails the journeys read are delivered by a worker, as in production.
    const worker = startJobWorker({ ...env, ...franceConnectEnv, ...billingEnv, APP_URL: baseUrl });
    stops.unshift(() => worker.stop());
    const code = await runJest(["--selectProjects", "e2e", "--runInBand", "--passWithNoTests", ...jestArgs], {
      ...env,
      ...billingEnv,
      E2E_BASE_URL: baseUrl,
    });
    return code === 0 ? 0 : 1;
  } finally {
    // Stopped before the fault tests, which start servers of their own (and the machine is small).
    for (const stop of stops) await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
