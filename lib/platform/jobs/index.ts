import "server-only";
import type PgBoss from "pg-boss";
import { db } from "@/lib/platform/db";
import { env } from "@/lib/platform/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { boss, executorOf, sender } from "./boss";

/**
 * Background work on a PostgreSQL-backed job queue (pg-boss, in the `pgboss` schema of the portal's database).
 * A feature defines its jobs with `defineJob` in its own `jobs.ts`, lists them in lib/worker/jobs.ts (the
 * composition root the worker processes run), and enqueues them with `enqueue`, in the transaction of the data
 * they concern when there is one. Platform code: imports no feature.
 *
 * Every job may run more than once (a worker killed in the middle is retried once its job expires): a handler is
 * idempotent, and a payload carries ids only, never a child's data or a secret (payloads are stored and shown
 * to administrators on /admin/taches).
 */
export type JobContext = { jobId: string; attempt: number };

export type JobDefinition<P> = {
  /** Lower case, dotted: "mail.deliver", "privacy.purge". Also the queue's name. */
  name: string;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** Attempts after the first one (default 5). */
  retryLimit?: number;
  /** First wait before a retry (default 30 s); doubled at each attempt, with jitter (exponential backoff). */
  retryDelaySeconds?: number;
  /** A schedule (cron syntax, Europe/Paris time): the worker sends the job with an empty payload then. */
  cron?: string;
  /** How long one attempt may run before it is counted as failed and retried (default 5 minutes). */
  expireInSeconds?: number;
  /** "singleton": at most one attempt of this job name runs at a time, whatever the number of workers. */
  policy?: "standard" | "singleton";
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of different payloads
export type AnyJobDefinition = JobDefinition<any>;

export const JOB_DEFAULTS = { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 300 } as const;

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/.test(definition.name)) throw new Error(`Nom de tâche invalide : ${definition.name}`);
  return definition;
}

/** The queue settings of a definition (the caps on expiry and retry delay exist for the fault tests). */
export function queueOptions(job: AnyJobDefinition): PgBoss.Queue {
  const cap = env().JOBS_EXPIRE_SECONDS;
  const delayCap = env().JOBS_RETRY_DELAY_SECONDS;
  const expire = job.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds;
  const delay = job.retryDelaySeconds ?? JOB_DEFAULTS.retryDelaySeconds;
  return {
    name: job.name,
    policy: job.policy ?? "standard",
    retryLimit: job.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelay: delayCap ? Math.min(delayCap, delay) : delay,
    retryBackoff: true,
    expireInSeconds: cap ? Math.min(cap, expire) : expire,
  };
}

const globalForQueues = globalThis as unknown as { jobQueuesReady?: Map<string, Promise<void>> };

/**
 * Creates (or updates) the queue of each job; once per process and queue. One after the other: pg-boss creates a
 * partition per queue, and two creations at once can deadlock (tried again, as when another process races us).
 */
export async function prepareQueues(jobs: readonly AnyJobDefinition[]): Promise<void> {
  const ready = (globalForQueues.jobQueuesReady ??= new Map());
  for (const job of jobs) {
    let pending = ready.get(job.name);
    if (!pending) {
      pending = prepareQueue(job);
      pending.catch(() => ready.delete(job.name));
      ready.set(job.name, pending);
    }
    await pending;
  }
}

async function prepareQueue(job: AnyJobDefinition): Promise<void> {
  const instance = await boss();
  const options = queueOptions(job);
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (await instance.getQueue(job.name)) await instance.updateQueue(job.name, options);
      else await instance.createQueue(job.name, options);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

export class JobQueueError extends Error {
  override name = "JobQueueError";
}

/**
 * Sends a job. Transactional when `tx` is given: the job exists if and only if the transaction commits.
 * Resolves with the job's id, or null when `singletonKey` is given and a job of that name and key is already
 * waiting, retrying or running (checked under a transaction-scoped advisory lock: two senders at once make one job).
 * The job's queue is prepared when the process starts (instrumentation.ts, the worker); preparing it here inside
 * a transaction would wait on a second connection, which the embedded database cannot serve meanwhile.
 */
export async function enqueue<P>(
  job: JobDefinition<P>,
  payload: P,
  options: { tx?: Prisma.TransactionClient; startAfter?: Date; singletonKey?: string } = {},
): Promise<string | null> {
  if (!options.tx) await prepareQueues([job]);
  const instance = sender();
  const send = async (client: Prisma.TransactionClient | ReturnType<typeof db>) => {
    const sendOptions: PgBoss.SendOptions = { db: executorOf(client) };
    if (options.startAfter) sendOptions.startAfter = options.startAfter;
    if (options.singletonKey) sendOptions.singletonKey = options.singletonKey;
    const id = await instance.send(job.name, (payload ?? {}) as object, sendOptions);
    // pg-boss inserts nothing for a queue that does not exist: never lose a job silently.
    if (id === null) throw new JobQueueError(`La file « ${job.name} » n'existe pas : la tâche n'a pas été enregistrée.`);
    return id;
  };
  const key = options.singletonKey;
  if (!key) return send(options.tx ?? db());
  const once = async (tx: Prisma.TransactionClient) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${job.name}:${key}`}, 0))`;
    const live = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM pgboss.job WHERE name = ${job.name} AND singleton_key = ${key} AND state IN ('created', 'retry', 'active') LIMIT 1`;
    return live.length > 0 ? null : send(tx);
  };
  return options.tx ? once(options.tx) : db().$transaction(once);
}

export { boss, stopBoss } from "./boss";
