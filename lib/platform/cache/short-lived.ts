/**
 * Database reads that every visitor of a public page makes alike (published news, public documents, the town's
 * settings), kept a few seconds in this process. Nothing here must be seen by another process: each one
 * reads the database again when its copy is older than `ttlMs`, so with several processes (or machines) a
 * staff edit shows everywhere within that delay, and at once in the process that made it (`forget`).
 * Concurrent requests share one read: a burst of visitors costs one query, not one each.
 */
export interface ShortLived<K, T> {
  get(key: K): Promise<T>;
  forget(): void;
}

export function shortLived<K, T>(
  ttlMs: number,
  load: (key: K) => Promise<T>,
  keyOf: (key: K) => string = (key) => JSON.stringify(key) ?? "",
): ShortLived<K, T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key) {
      const id = keyOf(key);
      const now = Date.now();
      const entry = entries.get(id);
      if (entry && now - entry.at < ttlMs) return entry.value;
      const value = load(key);
      entries.set(id, { at: now, value });
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(id)?.value === value) entries.delete(id);
      });
      // Old pages of a long list are not kept forever.
      if (entries.size > 100) for (const [oldId, old] of entries) if (now - old.at >= ttlMs) entries.delete(oldId);
      return value;
    },
    forget() {
      entries.clear();
    },
  };
}

/** How long a process may show public content staff just changed elsewhere. */
export const PUBLIC_CONTENT_TTL_MS = 5_000;
