/**
 * The framework floor, built and started in the same run as the portal: a bare Next.js app
 * (scripts/bench/floor-app, same next/react from the same node_modules) with a static page and a dynamic page
 * behind a minimal nonce-CSP proxy, both about the size of the portal's home. And the local load balancer
 * of the "two processes" measure.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { nextBin, run, startPortal, type RunningPortal } from "../lib/portal";

export const FLOOR_APP_DIR = path.resolve("scripts/bench/floor-app");
export const FLOOR_STATIC_PATH = "/";
export const FLOOR_DYNAMIC_PATH = "/dynamic";

/**
 * The floor page's text size for an HTML page of `targetBytes`: the text is sent in the HTML and again, escaped,
 * in React's payload (measured: an empty page is about 3.9 kB, each byte of text costs about 3.3).
 */
export function floorTextBytes(targetBytes: number, emptyPageBytes = 3_950): number {
  return Math.max(500, Math.round((targetBytes - emptyPageBytes) / 3.3));
}

const floorEnv = (textBytes: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  FLOOR_TEXT_BYTES: String(textBytes),
});

export async function buildFloor(textBytes: number): Promise<void> {
  const code = await run(process.execPath, [nextBin, "build", FLOOR_APP_DIR], floorEnv(textBytes));
  if (code !== 0) throw new Error(`La construction de l'application Next.js nue a échoué (code ${code}).`);
}

export function startFloor(textBytes: number, port: number): Promise<RunningPortal> {
  return startPortal(floorEnv(textBytes), port, { quiet: true, dir: FLOOR_APP_DIR });
}

/** scripts/bench/balancer.mjs in a process of its own (it must not share the load generator's event loop). */
export async function startBalancer(port: number, upstreams: string[]): Promise<RunningPortal> {
  const child = spawn(process.execPath, [path.resolve("scripts/bench/balancer.mjs"), String(port), ...upstreams], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`Le répartiteur de charge s'est arrêté (code ${code}).`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
