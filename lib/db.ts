import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { markDatabaseAvailable, registerDatabaseProbe, reportDatabaseError } from "@/lib/db-health";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The Prisma client, one per server process (kept on globalThis so dev reloads reuse it).
 * Only server-only modules under lib/<feature>/ import it; pages and actions call those.
 *
 * The pool is ours so that it survives a database restart: a connection that breaks is dropped (pg-pool
 * discards a client that errored), a new one is tried with a bounded wait, and every connection failure is
 * reported to lib/db-health, which has proxy.ts answer 503 until a probe on this pool succeeds again.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * connectionTimeoutMillis bounds both opening a connection and waiting for a free one: generous enough for a
 * burst of requests on a small pool, short enough that a request does not hang on a dead database.
 * Idle connections are closed after 10 s, so few broken ones can sit in the pool; TCP keepalive finds the
 * ones a silent network cut left behind.
 */
const POOL_TIMEOUTS = { connectionTimeoutMillis: 10_000, idleTimeoutMillis: 10_000, keepAlive: true } as const;

function createClient(): PrismaClient {
  const { DATABASE_URL: url, DATABASE_POOL_MAX: max } = env();
  if (!url) {
    throw new Error("DATABASE_URL n'est pas défini : lancez le portail avec `npm run dev`, qui démarre la base embarquée.");
  }
  const pool = new Pool({ connectionString: url, max, ...POOL_TIMEOUTS });
  // A new connection means the server answers again (the proxy also probes on its own).
  pool.on("connect", markDatabaseAvailable);
  registerDatabaseProbe(async () => {
    await pool.query("SELECT 1");
  });
  const adapter = new PrismaPg(pool, {
    // An idle connection that breaks (the database restarted, the network was cut) is an outage signal.
    onPoolError: reportDatabaseError,
    onConnectionError: reportDatabaseError,
  });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
