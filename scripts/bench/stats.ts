/** Latency statistics of a load run (pure: unit-tested in __tests__/unit/bench.test.ts). */

/**
 * The p-th percentile (0 < p <= 100) by the nearest-rank method: the smallest value such that at least
 * p % of the samples are less than or equal to it. Always one of the samples, never an interpolation.
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in ]0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1]!;
}

export interface LoadMeasure {
  /** Concurrent clients. */
  clients: number;
  /** Answers received with the expected status. */
  ok: number;
  /** Answers with another status, timeouts and connection errors. */
  failed: number;
  durationSeconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Sums up the latencies (ms) of the successful answers of one run. */
export function summarize(clients: number, latenciesMs: readonly number[], failed: number, durationSeconds: number): LoadMeasure {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    clients,
    ok: sorted.length,
    failed,
    durationSeconds,
    requestsPerSecond: durationSeconds > 0 ? sorted.length / durationSeconds : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** The item in the middle once sorted by `key` (the lower middle for an even count): Lighthouse's advice for noisy runs. */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  if (items.length === 0) throw new RangeError("medianBy: no items");
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * The errors a Next.js server printed ("⨯ Error [Name]: message" lines), counted by message:
 * the report says what failed, not only how many.
 */
export function countServerErrors(output: string): { message: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const match of output.matchAll(/^\s*⨯\s*(.+)$/gm)) {
    const message = match[1]!.trim();
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count);
}
