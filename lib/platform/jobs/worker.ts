import "server-only";
import type PgBoss from "pg-boss";
import { env } from "@/lib/platform/env";
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

  // Two pollers per queue, each taking up to JOBS_CONCURRENCY jobs at a time and running them side by side: pg-boss
  // waits its polling interval after each fetch, so a batch (not one job) per fetch is what gives throughput.
  for (const job of jobs) {
    for (let slot = 0; slot < 2; slot += 1) {
      await instance.work<object>(
        job.name,
        { includeMetadata: true, pollingIntervalSeconds, batchSize: env().JOBS_CONCURRENCY },
        async (batch) => {
          await Promise.all(batch.map((attempt) => run(instance, job, attempt)));
        },
      );
    }
  }

  // The schedules are rows of pgboss.schedule: registering them again is an update; one that left the list goes.
  const overrides = testSchedules();
  const scheduled = jobs.filter((job) => job.cron);
  for (const job of scheduled) await instance.schedule(job.name, overrides.get(job.name) ?? job.cron!, {}, { tz: TIME_ZONE });
  for (const existing of await instance.getSchedules()) {
    if (!scheduled.some((job) => job.name === existing.name)) await instance.unschedule(existing.name);
  }

  logEvent("info", "worker.started", {
    pid: process.pid,
    queues: jobs.length,
    schedules: scheduled.length,
    concurrency: env().JOBS_CONCURRENCY,
  });
  return {
    async stop(timeoutMs = 30_000) {
      await stopBoss({ graceful: true, timeoutMs });
      logEvent("info", "worker.stopped", { pid: process.pid });
    },
  };
}

/**
 * One attempt: the handler, then its outcome recorded at once for this job alone (a slow neighbour in the batch
 * cannot make it expire), and one log line (the error's name only: its message may quote data; the message goes
 * to pg-boss's table, shown to administrators on /admin/taches).
 */
async function run(instance: PgBoss, job: AnyJobDefinition, attempt: PgBoss.JobWithMetadata<object>): Promise<void> {
  const started = Date.now();
  const fields = { job: job.name, jobId: attempt.id, attempt: attempt.retryCount + 1, pid: process.pid };
  try {
    await job.handler(attempt.data, { jobId: attempt.id, attempt: attempt.retryCount + 1 });
    await instance.complete(job.name, attempt.id);
    logEvent("info", "job", {
      ...fields,
      outcome: "completed",
      durationMs: Date.now() - started,
      queuedMs: started - new Date(attempt.createdOn).getTime(),
    });
  } catch (error) {
    const last = attempt.retryCount >= attempt.retryLimit;
    logEvent(last ? "error" : "warn", "job", {
      ...fields,
      outcome: last ? "failed" : "retry",
      durationMs: Date.now() - started,
      error: errorName(error),
    });
    const message = error instanceof Error ? error.message : String(error);
    await instance.fail(job.name, attempt.id, { name: errorName(error), message: message.slice(0, 2_000) }).catch((failure: unknown) => {
      logEvent("error", "job.fail-not-recorded", { ...fields, error: errorName(failure) });
    });
  }
}

/** JOBS_TEST_SCHEDULES: the fault tests' minute-by-minute schedules (a nightly job cannot be waited for). */
function testSchedules(): Map<string, string> {
  const overrides = new Map<string, string>();
  const value = env().JOBS_TEST_SCHEDULES;
  if (!value || (env().NODE_ENV === "production" && !env().LOCAL_STANDINS)) return overrides;
  for (const entry of value.split(";")) {
    const [name, cron] = entry.split("=");
    if (name && cron) overrides.set(name.trim(), cron.trim());
  }
  return overrides;
}
