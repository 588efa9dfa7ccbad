// Embedded PostgreSQL for the zero-install default: PGlite (PostgreSQL 17 compiled to wasm) served on a
// local port by pglite-socket, so node-postgres, @prisma/adapter-pg and the schema engine reach it like a
// real server.
//
// What pglite-socket 0.1.3 really does with several connections (read in its dist code, then measured):
// - Its `maxConnections` defaults to 1 in the code (the typings say 100). A second client is then greeted
//   with a raw "Too many connections" and dropped, which node-postgres reports as "Connection terminated
//   unexpectedly": any pg Pool that opens a second connection breaks. We therefore raise the limit.
// - All connections share ONE PGlite session. The server queues protocol messages and runs them one at a
//   time; while a connection is inside a transaction, other connections' messages wait until it ends.
//   Measured: 4 clients x 100 concurrent parameterised queries with different SQL never got each other's
//   results, and an insert from B waited for A's open transaction and survived A's rollback.
//   Consequence: code that awaits another connection while holding a transaction open deadlocks here
//   (it would merely wait on real PostgreSQL), and session settings (SET ...) leak between connections.
// - Messages are queued one by one, not query by query: nothing keeps B's Parse from landing between A's
//   Parse and Bind when A's messages arrive in two TCP chunks (never seen, but not excluded by the code).
//   More connections buy no parallelism from a single-threaded PGlite, so each process should use ONE
//   connection: `poolMax` (1) is returned for the application's pg pool.
// The server itself accepts many connections because several processes share it (next dev, the CLI, tests).
// - It ignores the database name in the connection string: there is exactly one database, so a "shadow
//   database" must be another PGlite instance, never a CREATE DATABASE on this one.
// - PGlite loads its wasm through a dynamic import(), which Jest's CommonJS test files cannot do: there it
//   runs in a child process (see the command line at the end and test-database.mjs).
// - Only one process may open a data folder at a time; a lock file turns a second opening into a clear error
//   instead of a corrupted folder.
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const HOST = "127.0.0.1";
const MAX_CONNECTIONS = 100;
const POOL_MAX = 1;
const LOCK_FILE = "espace-famille.lock";

// initdb runs inside wasm on every fresh in-memory instance (~3.5 s); loading a dump of a pristine
// instance takes ~0.7 s. Shadow databases are created several times per migration command, so the first
// in-memory instance of the process leaves its pristine data folder here for the next ones (concurrent
// first calls wait for that one initdb rather than running their own).
let pristineDataDir = null; // Promise<Blob>

// The PostgreSQL extensions the migrations create (pg_trgm: the staff search by part of a name or an address).
const EXTENSIONS = { pg_trgm };

/**
 * Starts PGlite and serves it on 127.0.0.1.
 * @param {{ dataDir?: string, port?: number, memory?: boolean }} options
 *   `dataDir`: folder holding the database (created if missing); `memory: true`: a throwaway in-memory
 *   instance instead; `port`: 0 or undefined picks a free port.
 * @returns {Promise<{ url: string, port: number, poolMax: number, db: PGlite, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port, memory = false } = {}) {
  if (!memory && !dataDir) throw new Error("startEmbeddedPostgres needs a dataDir, or memory: true");

  let releaseLock = async () => {};
  let db;
  if (memory) {
    db = await createInMemoryPGlite();
  } else {
    const folder = path.resolve(dataDir);
    await mkdir(folder, { recursive: true });
    releaseLock = await lockDataDir(folder);
    try {
      db = await PGlite.create({ dataDir: folder, extensions: EXTENSIONS });
    } catch (error) {
      await releaseLock();
      throw error;
    }
  }

  const server = new PGLiteSocketServer({ db, host: HOST, port: port ?? 0, maxConnections: MAX_CONNECTIONS });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    await releaseLock();
    throw error;
  }
  const boundPort = Number(server.getServerConn().split(":").pop());

  let stopping = null;
  const stop = () => {
    // Idempotent: tests and signal handlers may both call it.
    stopping ??= (async () => {
      await server.stop();
      await db.close();
      await releaseLock();
    })();
    return stopping;
  };

  return {
    // sslmode=disable: pglite-socket does not answer the SSL negotiation.
    url: `postgresql://postgres@${HOST}:${boundPort}/postgres?sslmode=disable`,
    port: boundPort,
    poolMax: POOL_MAX,
    db,
    stop,
  };
}

async function createInMemoryPGlite() {
  if (pristineDataDir) return PGlite.create({ loadDataDir: await pristineDataDir, extensions: EXTENSIONS });
  const first = PGlite.create({ extensions: EXTENSIONS });
  pristineDataDir = first.then((db) => db.dumpDataDir("none"));
  // A failed first start must not poison the cache: the next call tries again.
  pristineDataDir.catch(() => (pristineDataDir = null));
  await pristineDataDir;
  return first;
}

async function lockDataDir(folder) {
  const lockPath = path.join(folder, LOCK_FILE);
  const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`The embedded database in ${folder} is already open in process ${holder}. Stop that process first.`);
  }
  // A lock left by a dead process is stale: take it over.
  const handle = await open(lockPath, "w");
  await handle.writeFile(String(process.pid));
  await handle.close();
  return () => rm(lockPath, { force: true });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

// `node scripts/db/embedded.mjs (--memory | --data-dir <dir>) [--port <n>] [--exit-with-stdin]`
// Serves until Ctrl-C or SIGTERM, after printing {"url", "poolMax"} as one JSON line on stdout. --exit-with-stdin
// also stops it when its parent process goes away (its stdin closes).
async function serveFromCommandLine() {
  const { values } = parseArgs({
    options: {
      memory: { type: "boolean" },
      "data-dir": { type: "string" },
      port: { type: "string" },
      "exit-with-stdin": { type: "boolean" },
    },
  });
  const embedded = await startEmbeddedPostgres({
    memory: values.memory,
    dataDir: values["data-dir"],
    port: values.port ? Number(values.port) : undefined,
  });
  const stop = () => embedded.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  if (values["exit-with-stdin"]) {
    process.stdin.on("close", stop);
    process.stdin.resume();
  }
  process.stdout.write(`${JSON.stringify({ url: embedded.url, poolMax: embedded.poolMax })}\n`);
}

// No top-level await: Jest transpiles this module to CommonJS when a test imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  serveFromCommandLine().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
