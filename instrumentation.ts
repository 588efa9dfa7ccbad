/** Runs once when a server process starts: a malformed configuration stops the start with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./instrumentation-node");
  }
}
