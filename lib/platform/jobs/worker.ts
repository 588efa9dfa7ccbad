import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { errorName, logEvent } from "@/lib/platform/log";
import { boss, stopBoss } from "./boss";
import { prepareQueues, type AnyJobDefinition } from "./index";

const TIME_ZONE = "Europe/Paris";

export interface RunningWorker {
  /** Stops fetching, waits for the jobs in progress (up to `timeoutMs`), then closes the connections. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Runs the given jobs in this process (`npm run worker`, or inside `npm run dev`): JOBS_CONCURRENCY attempts at
 * once per queue, the schedules registered (kept in the database: a restart loses none), the jobs of a worker
 * that died retried once they expire. Several workers, on any machine, share the work: pg-boss hands each job to
 * one of them (SELECT ... FOR UPDATE SKIP LOCKED).
 */
export async function startWorker(jobs: readonly AnyJobDefinition[], { pollingIntervalSeconds = 0.5 } = {}): Promise<RunningWorker> {
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Tâche déclarée deux fois : ${job.name}`);
    names.add(job.name);
  }
  const instance = await boss("worker");
  await prepareQueues(jobs);

  for (const job of jobs) {
    for (let slot = 0; slot < env().JOBS_CONCURRENCY; slot += 1) {
      await instance.work<object>(job.name, { includeMetadata: true, pollingIntervalSeconds }, ([attempt]) => run(job, attempt));
    }
  }

  // The schedules are rows of pgboss.schedule: registering them again is an update; one that left the list goes.
  const overrides = testSchedules();
  const scheduled = jobs.filter((job) => job.cron);
  for (const job of scheduled) await instance.schedule(job.name, overrides.get(job.name) ?? job.cron!, {}, { tz: TIME_ZONE });
  for (const existing of await instance.getSchedules()) {
    if (!scheduled.some((job) => job.name === existing.name)) await instance.unschedule(existing.name);
  }

  logEvent("info", "worker.started", { pid: process.pid, queues: jobs.length, schedules: scheduled.length, concurrency: env().JOBS_CONCURRENCY });
  return {
    async stop(timeoutMs = 30_000) {
      await stopBoss({ graceful: true, timeoutMs });
      logEvent("info", "worker.stopped", { pid: process.pid });
    },
  };
}

/** One attempt: the handler, and one log line with its outcome (the error's name only: its message may quote data). */
async function run(job: AnyJobDefinition, attempt: PgBoss.JobWithMetadata<object> | undefined): Promise<void> {
  if (!attempt) return;
  const started = Date.now();
  const fields = { job: job.name, jobId: attempt.id, attempt: attempt.retryCount + 1, pid: process.pid };
  try {
    await job.handler(attempt.data, { jobId: attempt.id, attempt: attempt.retryCount + 1 });
    logEvent("info", "job", { ...fields, outcome: "completed", durationMs: Date.now() - started, queuedMs: started - new Date(attempt.createdOn).getTime() });
  } catch (error) {
    const last = attempt.retryCount >= attempt.retryLimit;
    logEvent(last ? "error" : "warn", "job", { ...fields, outcome: last ? "failed" : "retry", durationMs: Date.now() - started, error: errorName(error) });
    throw error;
  }
}

/** JOBS_TEST_SCHEDULES: the fault tests' minute-by-minute schedules (a nightly job cannot be waited for). */
function testSchedules(): Map<string, string> {
  const overrides = new Map<string, string>();
  const value = env().JOBS_TEST_SCHEDULES;
  if (!value || env().NODE_ENV === "production" && !env().LOCAL_STANDINS) return overrides;
  for (const entry of value.split(";")) {
    const [name, cron] = entry.split("=");
    if (name && cron) overrides.set(name.trim(), cron.trim());
  }
  return overrides;
}
