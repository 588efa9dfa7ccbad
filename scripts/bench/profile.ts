/**
 * Where the server time goes: the top functions of a V8 CPU profile (`node --cpu-prof` on `next start`),
 * and the database's own time per request from PostgreSQL's per-database statistics (pg_stat_database:
 * active_time, and committed transactions, which count the round trips of statements run outside a
 * transaction). Parsing is pure (unit-tested); the statistics need the local PostgreSQL.
 */
import pg from "pg";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotFunction {
  name: string;
  /** Where it lives: a package under node_modules, a server chunk of the build, or a Node.js internal. */
  where: string;
  /** Share of the busy (non-idle) time spent in this function itself. */
  selfShare: number;
  selfMs: number;
}

const IDLE = new Set(["(idle)", "(program)"]);

export function shortLocation(url: string): string {
  if (!url) return "V8";
  if (url.startsWith("node:")) return url;
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? "");
    return name === "next" ? `next/${rest.slice(1, 4).join("/")}` : name;
  }
  const chunk = url.lastIndexOf(".next/");
  if (chunk >= 0) return url.slice(chunk);
  return url.replace(/^file:\/\//, "");
}

/** The functions with the most self time, busy time only (idle and "program" left out). */
export function topFunctions(profile: CpuProfile, count = 12): { busyMs: number; functions: HotFunction[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, { name: string; where: string; micros: number }>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node || IDLE.has(node.callFrame.functionName)) return;
    busy += delta;
    const name = node.callFrame.functionName || "(anonyme)";
    const where = shortLocation(node.callFrame.url);
    const key = `${name}@${where}`;
    const entry = selfMicros.get(key) ?? { name, where, micros: 0 };
    entry.micros += delta;
    selfMicros.set(key, entry);
  });
  const functions = [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, count)
    .map((entry) => ({ name: entry.name, where: entry.where, selfMs: entry.micros / 1000, selfShare: busy > 0 ? entry.micros / busy : 0 }));
  return { busyMs: busy / 1000, functions };
}

export interface DatabaseCounters {
  activeMs: number;
  transactions: number;
}

/** The counters of one database, read on a fresh connection (the statistics are flushed within a second or so). */
export async function databaseCounters(databaseUrl: string): Promise<DatabaseCounters> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ active: number; transactions: string }>(
      "SELECT active_time AS active, (xact_commit + xact_rollback)::text AS transactions FROM pg_stat_database WHERE datname = current_database()",
    );
    const row = rows[0];
    return { activeMs: Number(row?.active ?? 0), transactions: Number(row?.transactions ?? 0) };
  } finally {
    await client.end();
  }
}
