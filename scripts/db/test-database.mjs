// A database of its own for each test run, with every migration applied, so runs never see each other's rows
// and integration tests hit a real PostgreSQL rather than a mocked Prisma.
//
//   const { url, drop } = await createTestDatabase();
//   ... new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) ...
//   await drop();
//
// With DATABASE_URL set: a fresh `ef_test_<timestamp>_<random>` database on that server, same credentials.
// Without it: an in-memory PGlite served on a free local port, which lives as long as the process that
// created it (~1 s to start once the first one of the process has run initdb).
// Cheapest under Jest: once per run from a globalSetup, handing the url to the workers via process.env.
// It also works inside a test file, where Jest's CommonJS can load neither the schema engine nor PGlite: the
// migrations are then deployed by a child `node scripts/db/cli.mjs deploy` and PGlite is served by a child
// `node scripts/db/embedded.mjs` (a few more seconds).
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded.mjs";
import { deployMigrations, runOnServer, withDatabase } from "./engine.mjs";

// A Jest test file runs as CommonJS (`require` exists), where the wasm of the schema engine and of PGlite
// cannot be loaded: both need a native dynamic import(), and Jest fails the test on such an attempt even when
// the error is caught. There, both run in child processes.
const IN_PROCESS = !(process.env.JEST_WORKER_ID && typeof require === "function");
const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.join(HERE, "cli.mjs");
const EMBEDDED = path.join(HERE, "embedded.mjs");

/**
 * @param {{ serverUrl?: string }} [options] the server to create the database on; defaults to DATABASE_URL
 * @returns {Promise<{ url: string, poolMax?: number, drop: () => Promise<void> }>} `poolMax`: the pg pool size
 *   to use on an embedded PGlite (see embedded.mjs); undefined on a real server.
 */
export async function createTestDatabase({ serverUrl = process.env.DATABASE_URL } = {}) {
  if (serverUrl && !(await isPGlite(serverUrl))) return createOnServer(serverUrl);
  // No server, or a PGlite one: pglite-socket serves a single database and ignores the name in the URL, so a
  // "new database" there would be the developer's own. An in-memory instance of our own instead.
  return createInMemory();
}

async function createOnServer(serverUrl) {
  const name = `ef_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  const drop = once(() => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  try {
    await expectDatabase(url, name);
    await deploy(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

async function createInMemory() {
  if (!IN_PROCESS) return createInChildProcess();
  const embedded = await startEmbeddedPostgres({ memory: true });
  try {
    await deploy(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, poolMax: embedded.poolMax, drop: embedded.stop };
}

// A child process serving an in-memory PGlite; it stops with drop(), or by itself when this process dies
// (its stdin closes).
async function createInChildProcess() {
  const child = spawn(process.execPath, [EMBEDDED, "--memory", "--exit-with-stdin"], { stdio: ["pipe", "pipe", "inherit"] });
  const drop = once(
    () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  );
  try {
    const { url, poolMax } = await firstJsonLine(child);
    await deploy(url);
    return { url, poolMax, drop };
  } catch (error) {
    await drop();
    throw new Error(`Could not start an embedded PGlite in a child process: ${error.message}`);
  }
}

function firstJsonLine(child) {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk) => {
      output += chunk;
      const end = output.indexOf("\n");
      if (end === -1) return;
      child.stdout.off("data", onData);
      child.off("exit", onExit);
      try {
        resolve(JSON.parse(output.slice(0, end)));
      } catch (error) {
        reject(error);
      }
    };
    const onExit = (code) => reject(new Error(`the embedded server exited with code ${code}`));
    child.stdout.setEncoding("utf8").on("data", onData);
    child.once("exit", onExit);
  });
}

async function deploy(url) {
  if (IN_PROCESS) {
    await deployMigrations(url);
    return;
  }
  await promisify(execFile)(process.execPath, [CLI, "deploy"], { env: { ...process.env, DATABASE_URL: url } }).catch((error) => {
    throw new Error(`Deploying the migrations to the test database failed:\n${error.stdout ?? ""}${error.stderr ?? error.message}`);
  });
}

// Never deploy into a database we did not just create.
async function expectDatabase(url, name) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT current_database() AS name");
    if (rows[0]?.name !== name) throw new Error(`Expected the test database "${name}", got "${rows[0]?.name}".`);
  } finally {
    await client.end();
  }
}

async function isPGlite(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT version() AS version");
    return /wasm32|emscripten/i.test(rows[0].version);
  } finally {
    await client.end();
  }
}

function once(fn) {
  let promise = null;
  return () => (promise ??= fn());
}
