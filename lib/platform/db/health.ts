/**
 * Is the database reachable? One answer per server process, shared by the Prisma pool (lib/platform/db/index.ts), which
 * reports connection failures, and proxy.ts, which answers "Service momentanément indisponible" (HTTP 503)
 * while the database is out of reach and lets requests through again as soon as a probe succeeds.
 *
 * Why the proxy: Next.js 16 gives pages no way to pick a 5xx status. A page or layout that throws renders
 * the nearest error.tsx with status 500 (and a streamed page has already committed to 200); only notFound(),
 * forbidden() and unauthorized() choose a status (404, 403, 401). The proxy runs before any rendering, in the
 * same Node.js process (Next 16 runs proxy.ts on the Node.js runtime), so it can answer 503 itself.
 * The state lives on globalThis because proxy.ts and the app are bundled separately but share the process.
 *
 * This module imports nothing from the database driver: the proxy bundle stays small, and the probe is
 * registered by lib/platform/db/index.ts once its pool exists.
 */

interface DatabaseHealth {
  /** When the database was last seen out of reach; null while it answers. */
  unavailableSince: number | null;
  /** The last probe's start (ms), so a burst of requests during an outage sends one probe at a time. */
  lastProbeAt: number;
  probing: Promise<boolean> | null;
  probe: (() => Promise<void>) | null;
}

const holder = globalThis as unknown as { espaceFamilleDatabaseHealth?: DatabaseHealth };
const health: DatabaseHealth = (holder.espaceFamilleDatabaseHealth ??= {
  unavailableSince: null,
  lastProbeAt: 0,
  probing: null,
  probe: null,
});

const PROBE_INTERVAL_MS = 500;
const PROBE_TIMEOUT_MS = 2_000;

/** Codes of node's sockets, of pg, and of Prisma (P1001 unreachable, P1002 timed out, P1008 socket timeout, P1017 connection closed, P2024 pool timeout). */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
/** Driver-adapter error kinds (Prisma 7) and messages pg gives without a code. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|Connection refused|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|ECONNREFUSED|ECONNRESET/i;

/** Prisma's errors carry `clientVersion`; the driver adapter's are DriverAdapterError. */
const fromDatabaseClient = (record: Record<string, unknown>) =>
  typeof record.clientVersion === "string" || (typeof record.name === "string" && /^(Prisma|DriverAdapterError)/.test(record.name));

/**
 * True when the error (or one of its causes) says the database cannot be reached, as opposed to a bad query.
 * Only errors that went through Prisma count: a refused connection to another service (FranceConnect, Resend)
 * must not close the portal. A wrong verdict costs little anyway: the next request's probe reopens it.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let viaDatabaseClient = false;
  let unavailable = false;
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    viaDatabaseClient ||= fromDatabaseClient(record);
    for (const key of ["code", "errorCode", "originalCode"]) {
      if (typeof record[key] === "string" && UNAVAILABLE_CODES.has(record[key])) unavailable = true;
    }
    if (typeof record.kind === "string" && UNAVAILABLE_KINDS.has(record.kind)) unavailable = true;
    if (typeof record.message === "string" && UNAVAILABLE_MESSAGES.test(record.message)) unavailable = true;
    const meta = record.meta as Record<string, unknown> | undefined;
    queue.push(record.cause, meta?.driverAdapterError, (meta?.driverAdapterError as Record<string, unknown> | undefined)?.cause);
  }
  return viaDatabaseClient && unavailable;
}

export function markDatabaseUnavailable(): void {
  health.unavailableSince ??= Date.now();
}

export function markDatabaseAvailable(): void {
  health.unavailableSince = null;
}

/** Called with any error a request met (instrumentation.ts): only the database's connection failures change the state. */
export function reportDatabaseError(error: unknown): void {
  if (isDatabaseUnavailableError(error)) markDatabaseUnavailable();
}

/** lib/platform/db/index.ts registers a cheap query (`SELECT 1`) on its own pool. */
export function registerDatabaseProbe(probe: () => Promise<void>): void {
  health.probe = probe;
}

async function runProbe(probe: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("probe timed out")), PROBE_TIMEOUT_MS))),
    ]);
    markDatabaseAvailable();
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * For the proxy: true while the database answers. During an outage, at most one probe every half second
 * (the other requests meanwhile get the 503 page at once); the first successful probe reopens the portal.
 */
export async function databaseIsAvailable(): Promise<boolean> {
  if (health.unavailableSince === null) return true;
  if (!health.probe) return false;
  if (health.probing) return false;
  if (Date.now() - health.lastProbeAt < PROBE_INTERVAL_MS) return false;
  health.lastProbeAt = Date.now();
  health.probing = runProbe(health.probe).finally(() => {
    health.probing = null;
  });
  return health.probing;
}
