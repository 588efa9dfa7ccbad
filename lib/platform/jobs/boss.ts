import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/platform/env";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The pg-boss instance of this process (kept on globalThis so dev reloads reuse it). pg-boss keeps its jobs in
 * the `pgboss` schema of the portal's own database: no other server to run, and a job can be written in the
 * transaction of the data it concerns (see `executorOf`).
 *
 * Web processes start it "passive" (no maintenance, no cron: only sending and reading); worker processes start
 * it "active": they also expire the jobs of a dead worker (retried), archive, and send the scheduled jobs.
 */
export type BossRole = "web" | "worker";

const globalForBoss = globalThis as unknown as { jobBoss?: { role: BossRole; started: Promise<PgBoss> } };

/** How long a failed job stays listed for staff (then pg-boss archives it, and deletes it 7 days later). */
const FAILED_KEPT_SECONDS = 30 * 24 * 60 * 60;

export function bossOptions(role: BossRole): PgBoss.ConstructorOptions {
  const current = env();
  if (!current.DATABASE_URL) throw new Error("DATABASE_URL n'est pas défini : la file des tâches vit dans la base de données.");
  const active = role === "worker";
  return {
    connectionString: current.DATABASE_URL,
    // The embedded PGlite serves one session (scripts/db/embedded.mjs): one connection, like the app's pool.
    max: current.DATABASE_POOL_MAX === 1 ? 1 : active ? 4 : 2,
    application_name: `espace-famille-jobs-${role}`,
    supervise: active,
    schedule: active,
    maintenanceIntervalSeconds: current.JOBS_MAINTENANCE_SECONDS,
    archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
  };
}

/** The started instance (schema installed or upgraded on first start; pg-boss holds an advisory lock for that). */
export function boss(role: BossRole = "web"): Promise<PgBoss> {
  const existing = globalForBoss.jobBoss;
  if (existing && (existing.role === role || role === "web")) return existing.started;
  if (existing) throw new Error("La file des tâches est déjà démarrée en mode web dans ce processus.");
  const instance = new PgBoss(bossOptions(role));
  // pg-boss reports its own failures (a lost connection, a failed maintenance) as events: one JSON line each.
  instance.on("error", (error: Error) => {
    console.error(
      JSON.stringify({
        level: "error",
        time: new Date().toISOString(),
        msg: "jobs.error",
        error: error.name,
        detail: error.message.slice(0, 200),
      }),
    );
  });
  const started = instance.start().then(() => instance);
  // A failed start (database down) is tried again by the next caller.
  started.catch(() => {
    if (globalForBoss.jobBoss?.started === started) globalForBoss.jobBoss = undefined;
  });
  globalForBoss.jobBoss = { role, started };
  return started;
}

export async function stopBoss(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const current = globalForBoss.jobBoss;
  if (!current) return;
  globalForBoss.jobBoss = undefined;
  const instance = await current.started.catch(() => undefined);
  await instance?.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 30_000, wait: true });
}

type RawClient = Pick<PrismaClient, "$queryRawUnsafe"> | Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/**
 * pg-boss's statements run on a Prisma client: inside a transaction, the job is written or rolled back with it.
 * pg-boss hands objects (the payload) and strings; node-postgres would serialise an object as JSON, so do we.
 */
export function executorOf(client: RawClient): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const parameters = values.map((value) =>
        value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value,
      );
      const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(text, ...parameters);
      return { rows };
    },
  };
}

const globalForSender = globalThis as unknown as { jobSender?: PgBoss };

/**
 * A pg-boss instance that is never started, for `enqueue`: its statements run on the caller's Prisma client or
 * transaction (`executorOf`), so sending opens no connection of its own and never waits on one inside a transaction.
 */
export function sender(): PgBoss {
  globalForSender.jobSender ??= new PgBoss({ ...bossOptions("web"), supervise: false, schedule: false, migrate: false });
  return globalForSender.jobSender;
}
