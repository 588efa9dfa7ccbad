/** Runs once when a server process starts: a malformed configuration stops the start with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
    // Mails queued with what they tell (a sending, a decision) leave even if the request that queued them died.
    const { startMailDispatcher } = await import("./lib/platform/mail/queue");
    startMailDispatcher();
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
