/**
 * `npm run worker`: runs every background job of the portal (lib/worker/jobs.ts) until SIGTERM or Ctrl-C.
 * Production runs one or several of them, on any machine that reaches the database; `npm run dev` runs one in its
 * own process. Logs are JSON lines (one per job). SIGTERM lets the jobs in progress finish (30 s at most): what a
 * harder stop interrupts is retried by another worker once it expires.
 */
import { env, EnvError } from "../lib/platform/env";
import { prepareQueues, stopBoss } from "../lib/platform/jobs";
import { startWorker } from "../lib/platform/jobs/worker";
import { errorName, logEvent } from "../lib/platform/log";
import { jobs } from "../lib/worker/jobs";
import { loadDotEnv } from "./lib/local-setup";

async function main() {
  loadDotEnv();
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (process.argv.includes("--prepare")) {
    // `npm run worker -- --prepare`: installs the queue's schema and every job's queue, then exits (the test runner
    // runs it on each fresh database, before any test enqueues a job inside a transaction).
    await prepareQueues(jobs);
    await stopBoss();
    process.exit(0);
  }
  const worker = await startWorker(jobs);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logEvent("info", "worker.stopping", { pid: process.pid, signal });
    void worker.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  logEvent("error", "worker.failed", { error: errorName(error), detail: error instanceof Error ? error.message.slice(0, 300) : undefined });
  process.exit(1);
});
