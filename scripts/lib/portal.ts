/**
 * What `npm test` and `npm run bench` share to run the built portal: the environment of a run on a
 * throwaway database, `npm run build` (Next's standalone output), the standalone server on a free port, as a
 * town runs it (`node .next/standalone/server.js`), a job worker, and the small process helpers.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";

import path from "node:path";

export const nextBin = require.resolve("next/dist/bin/next");
export const standaloneServer = path.join(process.cwd(), ".next", "standalone", "server.js");

/** Runs a command with the terminal's output; resolves with its exit code. */
export function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : null));
    });
  });
}

/** A port nobody listens on: any (the system's pick), or the first free one of a range. */
export async function freePort(range?: { from: number; to: number }): Promise<number> {
  if (!range) {
    const port = await listenOn(0);
    if (port === null) throw new Error("no port");
    return port;
  }
  for (let port = range.from; port <= range.to; port += 1) {
    if ((await listenOn(port)) !== null) return port;
  }
  throw new Error(`Aucun port libre entre ${range.from} et ${range.to}`);
}

export async function waitForHttp(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Le portail n'a pas répondu sur ${url} en ${timeoutMs / 1000} s`);
}

/**
 * The environment of a run against a throwaway database: a fresh secret, files in a temporary folder,
 * and the local stand-ins (mail outbox, files on disk) allowed under `next start`.
 */
export function runEnvironment({
  databaseUrl,
  poolMax,
  storageDir,
}: {
  databaseUrl: string;
  poolMax?: number;
  storageDir: string;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "test",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: poolMax ? String(poolMax) : process.env.DATABASE_POOL_MAX,
    EF_TEST_DATABASE: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    FILE_STORAGE_DIR: storageDir,
    RESEND_API_KEY: "",
    UPLOADTHING_TOKEN: "",
    // `next start` runs in production mode: let it use the local stand-ins (mail outbox, files on disk).
    LOCAL_STANDINS: "1",
  };
}

/** `next build` in production mode, then the standalone output completed (scripts/standalone.mjs); resolves with the exit code. */
export async function buildPortal(env: NodeJS.ProcessEnv): Promise<number> {
  const built = await run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production" });
  if (built !== 0) return built;
  return run(process.execPath, [path.join(process.cwd(), "scripts", "standalone.mjs")], env);
}

export interface RunningPortal {
  baseUrl: string;
  /** Sends SIGTERM and resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * The standalone server (`node .next/standalone/server.js`) on 127.0.0.1:port, resolved once it answers. `quiet`: no standard output;
 * `onStderr`: the server's error output goes there instead of the terminal.
 */
export async function startPortal(
  env: NodeJS.ProcessEnv,
  port: number,
  options: {
    quiet?: boolean;
    onStderr?: (text: string) => void;
    /** Another Next.js app's folder (the bench's floor app). */ dir?: string;
    nodeArgs?: string[];
  } = {},
): Promise<RunningPortal> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // The portal runs as a town runs it (the standalone server); the bench's bare floor app with `next start`.
  const command = options.dir
    ? [...(options.nodeArgs ?? []), nextBin, "start", options.dir, "--hostname", "127.0.0.1", "--port", String(port)]
    : [...(options.nodeArgs ?? []), standaloneServer];
  const server = spawn(process.execPath, command, {
    env: { ...env, NODE_ENV: "production", APP_URL: baseUrl, HOSTNAME: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", options.onStderr ? "pipe" : "inherit"],
  });
  const onStderr = options.onStderr;
  if (onStderr) server.stderr?.setEncoding("utf8").on("data", (text: string) => onStderr(text));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForHttp(baseUrl, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

export interface RunningWorker {
  /** Sends SIGTERM and resolves once the process has exited. */
  stop(): Promise<void>;
}

/** `npm run worker` (scripts/worker.ts) on the run's database; its JSON lines go to `onOutput` or nowhere. */
export function startJobWorker(env: NodeJS.ProcessEnv, options: { onOutput?: (text: string) => void } = {}): RunningWorker {
  const tsx = require.resolve("tsx/cli");
  const worker = spawn(process.execPath, [tsx, "--conditions=react-server", path.join(process.cwd(), "scripts", "worker.ts")], {
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", options.onOutput ? "pipe" : "ignore", options.onOutput ? "pipe" : "inherit"],
  });
  const onOutput = options.onOutput;
  if (onOutput) {
    worker.stdout?.setEncoding("utf8").on("data", onOutput);
    worker.stderr?.setEncoding("utf8").on("data", onOutput);
  }
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGTERM");
      await exited;
    },
  };
}
