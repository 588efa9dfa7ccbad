/** Runs once when a server process starts: a malformed configuration stops the start with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
    // Web processes run no timer: workers (`npm run worker`, or inside `npm run dev`) run the jobs. A web process
    // only prepares the job queues now, so that a job can later be enqueued inside any transaction (see
    // lib/platform/jobs). A database still out of reach is not fatal: the first enqueue outside a transaction,
    // or the health check, tries again.
    const { prepareWebJobs } = await import("./lib/worker/prepare");
    void prepareWebJobs();
  }
}

/**
 * Every error a page, action or route handler throws passes here: a database connection failure has
 * proxy.ts answer 503 until the database answers again (lib/platform/db/health).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { reportDatabaseError } = await import("./lib/platform/db/health");
    reportDatabaseError(error);
  }
}
