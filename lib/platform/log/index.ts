/**
 * Structured logs: one JSON line per event on the standard output (errors on the standard error), for the
 * town's log collector (journald, Docker, Loki...). Callers pass ids, names, counts and durations only: never a
 * secret, a token, an address, a query string or a child's data. An error is logged by its name (its message
 * may quote data).
 */
export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export function logEvent(level: "info" | "warn" | "error", msg: string, fields: LogFields = {}): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields });
  if (level === "info") process.stdout.write(`${line}\n`);
  else process.stderr.write(`${line}\n`);
}

/** The name of what was thrown, safe to log. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
