import "server-only";
import { db } from "@/lib/platform/db";

export interface QueueHealth {
  /** Jobs due now that no worker has taken yet, and how long the oldest has waited (seconds). */
  due: number;
  oldestDueSeconds: number;
  active: number;
  failed: number;
  /** False when a due job has waited more than LATE_SECONDS: no worker is running, or they are overwhelmed. */
  workersKeepingUp: boolean;
}

const LATE_SECONDS = 300;

type Row = { due: bigint; active: bigint; failed: bigint; oldest: number | null };

/** Reads the queue's counts in pg-boss's table (throws when the database or the queue's schema is out of reach). */
export async function queueHealth(): Promise<QueueHealth> {
  const [row] = await db().$queryRaw<Row[]>`
    SELECT count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after < now()) AS due,
           count(*) FILTER (WHERE state = 'active') AS active,
           count(*) FILTER (WHERE state = 'failed') AS failed,
           extract(epoch FROM now() - min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after < now()))::float8 AS oldest
    FROM pgboss.job WHERE NOT starts_with(name, '__pgboss')`;
  const oldestDueSeconds = Math.round(row?.oldest ?? 0);
  return {
    due: Number(row?.due ?? 0),
    active: Number(row?.active ?? 0),
    failed: Number(row?.failed ?? 0),
    oldestDueSeconds,
    workersKeepingUp: oldestDueSeconds < LATE_SECONDS,
  };
}
