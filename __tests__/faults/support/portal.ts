import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/**
 * A portal server of our own (the standalone server), from the build of the run, on a free port: the fault tests kill it, restart it,
 * or point it at the database through a proxy they can cut. Its output is kept for the failure messages.
 */
export interface Portal {
  url: string;
  port: number;
  pid: number;
  /** The application_name of its database sessions (pg_stat_activity), to tell when they are all gone. */
  applicationName: string;
  isRunning(): boolean;
  output(): string;
  /** SIGKILL (a crash: nothing is flushed, no shutdown hook runs) or SIGTERM; resolves once the process is gone. */
  kill(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
}

// The standalone server of the run's build (`npm run build`), as a town runs it.
const standaloneServer = path.join(process.cwd(), ".next", "standalone", "server.js");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

export const until = async <T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`);
};

export async function startPortal({
  port,
  databaseUrl = process.env.DATABASE_URL,
  poolMax,
}: { port?: number; databaseUrl?: string; poolMax?: number } = {}): Promise<Portal> {
  const chosen = port ?? (await freePort());
  const url = `http://127.0.0.1:${chosen}`;
  let log = "";
  const applicationName = `ef-faults-${chosen}-${Date.now().toString(36)}`;
  const database = new URL(databaseUrl!);
  database.searchParams.set("application_name", applicationName);
  // detached: its own process group, so a kill reaches anything `next start` may have spawned.
  const child: ChildProcess = spawn(process.execPath, [standaloneServer], {
    env: {
      ...process.env,
      HOSTNAME: "127.0.0.1",
      PORT: String(chosen),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      DATABASE_URL: database.toString(),
      ...(poolMax ? { DATABASE_POOL_MAX: String(poolMax) } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const portal: Portal = {
    url,
    port: chosen,
    pid: child.pid ?? -1,
    applicationName,
    isRunning: () => !exited,
    output: () => log,
    async kill(signal) {
      if (exited) return;
      try {
        process.kill(-portal.pid, signal);
      } catch {
        child.kill(signal);
      }
      await exit;
    },
  };
  try {
    await until(
      `next start on ${url}`,
      async () => {
        if (exited) throw new Error(`next start exited:\n${log}`);
        const response = await fetch(`${url}/connexion`, { redirect: "manual" });
        return response.status < 500;
      },
      60_000,
      250,
    );
  } catch (error) {
    await portal.kill("SIGKILL");
    throw error;
  }
  return portal;
}
