// `npm run db:<command>`: the offline stand-in for `prisma migrate dev|deploy|status` and `prisma db seed`.
// The work is done by engine.mjs (the Prisma schema engine compiled to WebAssembly).
//
//   migrate <name> [--accept-data-loss]   create and apply a migration from schema.prisma
//                                          (on DATABASE_URL, else on a temporary in-memory PGlite)
//   deploy                                 apply pending migrations to DATABASE_URL
//   status                                 applied / pending migrations and drift; exit code 1 when not clean
//   seed                                   run scripts/db/seed.mjs on DATABASE_URL, if it exists
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startEmbeddedPostgres } from "./embedded.mjs";
import { createMigration, deployMigrations, migrationStatus } from "./engine.mjs";

const SEED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "seed.mjs");
const USAGE = `Usage: node scripts/db/cli.mjs <command>
  migrate <name> [--accept-data-loss]   create and apply a migration from prisma/schema.prisma
  deploy                                 apply pending migrations (DATABASE_URL)
  status                                 show applied and pending migrations and drift (DATABASE_URL)
  seed                                   run scripts/db/seed.mjs (DATABASE_URL)`;

const log = (message) => console.log(message);

const commands = {
  async migrate(args) {
    const name = args.find((arg) => !arg.startsWith("--"));
    if (!name) throw new UsageError("migrate needs a name, e.g. `npm run db:migrate -- add_invoices`.");
    const acceptDataLoss = args.includes("--accept-data-loss");
    const databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      return reportMigration(await createMigration(databaseUrl, name, { log, acceptDataLoss }));
    }
    // Without a database the migration is still computed from the migration history, on a database that
    // lives for this command only.
    log("DATABASE_URL is not set: working on a temporary in-memory PGlite database.");
    const embedded = await startEmbeddedPostgres({ memory: true });
    try {
      return reportMigration(await createMigration(embedded.url, name, { log, acceptDataLoss }));
    } finally {
      await embedded.stop();
    }
  },

  async deploy() {
    const applied = await deployMigrations(requireDatabaseUrl("deploy"), { log });
    log(applied.length ? `${applied.length} migration(s) applied.` : "The database is up to date.");
    return 0;
  },

  async status() {
    const status = await migrationStatus(requireDatabaseUrl("status"), { log });
    const list = (names) => (names.length ? names.map((name) => `\n  - ${name}`).join("") : " none");
    log(`Applied:${list(status.applied)}`);
    log(`Pending:${list(status.pending)}`);
    if (status.unknown.length) log(`In the database but not in prisma/migrations:${list(status.unknown)}`);
    if (status.failed.length) log(`Failed:${list(status.failed)}`);
    if (status.edited.length) log(`Edited after being applied:${list(status.edited)}`);
    log(status.databaseDrift ? `Database drift: ${status.databaseDrift}` : "Database: consistent with its migration history.");
    if (status.schemaDrift) {
      log("schema.prisma is ahead of the migrations; `npm run db:migrate -- <name>` would add:\n");
      log(status.schemaDrift);
    } else {
      log("schema.prisma: in sync with the migrations.");
    }
    const clean = !status.pending.length && !status.failed.length && !status.edited.length && !status.schemaDrift && !status.databaseDrift;
    return clean ? 0 : 1;
  },

  async seed() {
    if (!existsSync(SEED_FILE)) {
      log("No seed: scripts/db/seed.mjs does not exist.");
      return 0;
    }
    const { default: seed } = await import(pathToFileURL(SEED_FILE).href);
    if (typeof seed !== "function") throw new Error("scripts/db/seed.mjs must export a default function (databaseUrl) => Promise.");
    await seed(requireDatabaseUrl("seed"));
    return 0;
  },
};

class UsageError extends Error {}

function reportMigration(folder) {
  if (folder) log(`Migration ready: ${path.relative(process.cwd(), folder)}`);
  return 0;
}

function requireDatabaseUrl(command) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError(`${command} needs DATABASE_URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/espace_famille`);
  return url;
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = commands[name];
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `db ${name} failed: ${error.message}`);
    return error instanceof UsageError ? 2 : 1;
  }
}

// Exit explicitly: a pool or timer left behind by a dependency must not keep the command hanging.
process.exit(await main());
