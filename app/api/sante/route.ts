import { NextResponse } from "next/server";
import { db } from "@/lib/platform/db";
import { queueHealth, type QueueHealth } from "@/lib/platform/jobs/health";
import { errorName, logEvent } from "@/lib/platform/log";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3_000;

function within<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref())]);
}

/**
 * GET /api/sante: for the load balancer and the town's monitoring. 200 when the database answers and the job
 * queue can be read ("ok", or "degraded" when jobs wait for a worker for more than 5 minutes or some failed:
 * the web process itself is fine); 503 otherwise. Counts only: nothing personal, nothing secret.
 * The proxy leaves this address alone, so a database outage answers here in JSON.
 */
export async function GET() {
  const started = Date.now();
  let database = false;
  let queue: QueueHealth | null = null;
  try {
    await within(db().$queryRaw`SELECT 1`);
    database = true;
    queue = await within(queueHealth());
  } catch (error) {
    logEvent("warn", "health.failed", { database, error: errorName(error) });
  }
  const healthy = database && queue !== null;
  const status = !healthy ? "unavailable" : queue && (!queue.workersKeepingUp || queue.failed > 0) ? "degraded" : "ok";
  return NextResponse.json(
    { status, checks: { database: database ? "ok" : "unavailable", jobs: queue ?? "unavailable" }, durationMs: Date.now() - started },
    { status: healthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
