import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { until } from "./portal";

/**
 * A job worker of our own (`npm run worker`, scripts/worker.ts) on the run's database: the fault tests kill it
 * (SIGKILL: nothing flushed, no shutdown hook), start others, and read its JSON log lines.
 */
export interface WorkerProcess {
  pid: number;
  applicationName: string;
  /** The JSON lines it printed, parsed. */
  lines(): Record<string, unknown>[];
  /** The ids of the jobs it completed, by job name. */
  completed(name: string): string[];
  kill(signal: "SIGKILL" | "SIGTERM"): Promise<void>;
}

const tsx = require.resolve("tsx/cli");
let started = 0;

export async function startWorkerProcess(extraEnv: Record<string, string> = {}): Promise<WorkerProcess> {
  started += 1;
  const applicationName = `ef-faults-worker-${process.pid}-${started}-${Date.now().toString(36)}`;
  const database = new URL(process.env.DATABASE_URL!);
  database.searchParams.set("application_name", applicationName);
  const child: ChildProcess = spawn(
    process.execPath,
    [tsx, "--conditions=react-server", path.join(process.cwd(), "scripts", "worker.ts")],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOCAL_STANDINS: "1",
        DATABASE_URL: database.toString(),
        // A dead worker's job is retried once it expires: seconds here, minutes in production.
        JOBS_EXPIRE_SECONDS: "4",
        JOBS_RETRY_DELAY_SECONDS: "1",
        JOBS_MAINTENANCE_SECONDS: "1",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let buffer = "";
  const parsed: Record<string, unknown>[] = [];
  const append = (chunk: Buffer) => {
    buffer += chunk.toString();
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      try {
        parsed.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        parsed.push({ msg: "text", text: line.slice(0, 500) });
      }
    }
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const worker: WorkerProcess = {
    pid: child.pid ?? -1,
    applicationName,
    lines: () => parsed,
    completed: (name) =>
      parsed.filter((line) => line.msg === "job" && line.job === name && line.outcome === "completed").map((line) => String(line.jobId)),
    async kill(signal) {
      if (exited) return;
      try {
        process.kill(-worker.pid, signal);
      } catch {
        child.kill(signal);
      }
      await exit;
    },
  };
  try {
    await until(
      "the worker to start",
      async () => {
        if (exited) throw new Error(`worker exited:\n${JSON.stringify(parsed.slice(-20))}`);
        return parsed.some((line) => line.msg === "worker.started");
      },
      90_000,
      200,
    );
  } catch (error) {
    await worker.kill("SIGKILL");
    throw error;
  }
  return worker;
}
