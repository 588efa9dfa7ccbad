import "server-only";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { boss } from "./boss";
import { defineJob } from "./index";

/**
 * The jobs that kept failing (every retry used, or a worker that died on the last attempt): listed for the
 * administrators (/admin/taches) with their error and a retry button, and each recorded once in the audit log.
 * They are read from pg-boss's own table, where they stay 30 days (lib/platform/jobs/boss.ts).
 */
export interface FailedJob {
  id: string;
  name: string;
  /** Ids only (payloads never carry a child's data or a secret). */
  payload: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
  error: string;
}

type FailedRow = {
  id: string;
  name: string;
  data: unknown;
  retry_count: number;
  created_on: Date;
  completed_on: Date | null;
  output: unknown;
};

const ERROR_SHOWN = 500;

/** What pg-boss kept of the error (its message; a timeout says so). */
export function errorOf(output: unknown): string {
  if (output && typeof output === "object") {
    const record = output as { message?: unknown; value?: { message?: unknown } };
    const message =
      typeof record.message === "string" ? record.message : typeof record.value?.message === "string" ? record.value.message : undefined;
    if (message) return message.slice(0, ERROR_SHOWN);
  }
  return "Erreur inconnue";
}

export async function listFailedJobs(limit = 100): Promise<FailedJob[]> {
  await boss(); // the schema exists once pg-boss has started
  const rows = await db().$queryRaw<FailedRow[]>`
    SELECT id::text, name, data, retry_count, created_on, completed_on, output FROM pgboss.job
    WHERE state = 'failed' AND NOT starts_with(name, '__pgboss') ORDER BY completed_on DESC NULLS LAST LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    payload: JSON.stringify(row.data ?? {}),
    attempts: row.retry_count + 1,
    createdAt: row.created_on,
    failedAt: row.completed_on,
    error: errorOf(row.output),
  }));
}

/** Puts a failed job back in its queue (one more attempt). False when it is no longer failed (retried already, archived). */
export async function retryFailedJob(name: string, id: string): Promise<boolean> {
  const instance = await boss();
  const job = await instance.getJobById(name, id);
  if (!job || job.state !== "failed") return false;
  await instance.retry(name, id);
  const after = await instance.getJobById(name, id);
  return after?.state === "retry";
}

type UnrecordedRow = { id: string; name: string; retry_count: number; output: unknown };

/**
 * Records in the audit log each failed job not recorded yet (`job.failed`, by the system). Run every minute by a
 * worker: a job that failed because its worker died on the last attempt has no handler left to record it.
 */
export async function recordFailedJobs(): Promise<number> {
  const rows = await db().$queryRaw<UnrecordedRow[]>`
    SELECT j.id::text, j.name, j.retry_count, j.output FROM pgboss.job j
    WHERE j.state = 'failed' AND NOT starts_with(j.name, '__pgboss')
      AND NOT EXISTS (SELECT 1 FROM audit_logs a WHERE a.action = 'job.failed' AND a."targetType" = 'Job' AND a."targetId" = j.id::text)
    LIMIT 500`;
  for (const row of rows) {
    await audit({
      actorType: "SYSTEM",
      action: "job.failed",
      targetType: "Job",
      targetId: row.id,
      details: { name: row.name, attempts: row.retry_count + 1, error: errorOf(row.output).slice(0, 200) },
    });
  }
  return rows.length;
}

/** The platform's own job: every minute, at most one at a time. */
export const recordFailedJobsJob = defineJob<Record<string, never>>({
  name: "jobs.record-failures",
  cron: "* * * * *",
  policy: "singleton",
  retryLimit: 2,
  expireInSeconds: 120,
  handler: async () => {
    await recordFailedJobs();
  },
});
