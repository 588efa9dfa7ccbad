import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Client, Pool, type ClientConfig } from "pg";
import { markDatabaseAvailable, markDatabaseUnavailable, registerDatabaseProbe } from "@/lib/platform/db/health";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/platform/env";

/**
 * The Prisma client, one per server process (kept on globalThis so dev reloads reuse it).
 * Only server-only modules under lib/<feature>/ import it; pages and actions call those.
 *
 * The pool is ours so that it survives a database restart: a connection that breaks is dropped (pg-pool
 * discards a client that errored), a new one is tried with a bounded wait, and every connection failure is
 * reported to lib/platform/db/health, which has proxy.ts answer 503 until a probe on this pool succeeds again.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * Opening a connection gives up after 5 s (a database that does not answer), but waiting for a free connection
 * in the pool has no limit of its own: pg-pool would apply the same connectionTimeoutMillis to the queue, and a
 * burst (200 parents sending at once on a small pool, a busy machine) would then fail requests that only had
 * to wait their turn. So the timeout is set on each client, not on the pool.
 * Idle connections are closed after 10 s, so few broken ones can sit in the pool; TCP keepalive finds the
 * ones a silent network cut left behind.
 */
const CONNECT_TIMEOUT_MS = 5_000;

class BoundedConnectClient extends Client {
  constructor(config?: ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  }
}

function createClient(): PrismaClient {
  const { DATABASE_URL: url, DATABASE_POOL_MAX: max } = env();
  if (!url) {
    throw new Error("DATABASE_URL n'est pas défini : lancez le portail avec `npm run dev`, qui démarre la base embarquée.");
  }
  const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 10_000, Client: BoundedConnectClient });
  // A new connection means the server answers again (the proxy also probes on its own).
  pool.on("connect", markDatabaseAvailable);
  registerDatabaseProbe(async () => {
    await pool.query("SELECT 1");
  });
  // A connection that breaks, idle or in a transaction (the database restarted, the network was cut), is an
  // outage signal; the probe tells a single dropped connection from a real outage at the next request.
  const adapter = new PrismaPg(pool, { onPoolError: markDatabaseUnavailable, onConnectionError: markDatabaseUnavailable });
  // Interactive transactions wait for a connection like any query: Prisma's default 2 s gave up during a
  // burst (200 parents sending at once: "Unable to start a transaction in the given time", found by the bench).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 15_000, timeout: 15_000 } });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
