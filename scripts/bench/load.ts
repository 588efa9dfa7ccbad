/**
 * The load generators: autocannon for a fixed request replayed for a duration, and a batch runner for
 * requests that can happen only once per client (sending a declaration). Both keep every latency, so the
 * percentiles are exact (autocannon's own summary has no p95).
 */
import { createServer, type Server } from "node:http";
import autocannon from "autocannon";
import { summarize, type LoadMeasure } from "./stats";

/**
 * An answer later than this counts as an error (autocannon counts timeouts among its errors), never dropped:
 * a portal that makes people wait 10 s has failed them.
 */
export const LOAD_TIMEOUT_SECONDS = 10;

export interface FixedRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** One Cookie header per connection, handed out in turn (each connection is one signed-in person). */
  cookiePerConnection?: string[];
  /** The status a successful answer has. */
  expectStatus: number;
}

/**
 * Replays one request from `clients` connections, keeping each latency: for `seconds`, or until `amount`
 * answers. A timed run drops the requests still in flight when it stops, which are the slowest ones: with
 * latencies of seconds, that hides the tail. Past the first level, runs are therefore sized in answers.
 */
export async function hammer(
  baseUrl: string,
  request: FixedRequest,
  clients: number,
  size: { seconds: number } | { amount: number },
): Promise<LoadMeasure> {
  const latencies: number[] = [];
  let failed = 0;
  let handedOut = 0;
  const cookies = request.cookiePerConnection;
  const options: autocannon.Options = {
    url: baseUrl,
    connections: clients,
    ...("seconds" in size ? { duration: size.seconds } : { amount: size.amount }),
    timeout: LOAD_TIMEOUT_SECONDS,
    pipelining: 1,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        setupRequest: (req, context: { cookie?: string }) => {
          if (!cookies) return req;
          context.cookie ??= cookies[handedOut++ % cookies.length];
          return { ...req, headers: { ...req.headers, cookie: context.cookie } };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, finished) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === request.expectStatus) latencies.push(responseTime);
      else failed += 1;
    });
  });
  return summarize(clients, latencies, failed + result.errors, result.duration);
}

/**
 * Runs each task once, `clients` at a time, timing each; the whole batch is the run.
 * A task resolves true when its answer is the expected one.
 */
export async function batch(tasks: (() => Promise<boolean>)[], clients: number): Promise<LoadMeasure> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      const start = performance.now();
      const ok = await task().catch(() => false);
      if (ok) latencies.push(performance.now() - start);
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, tasks.length) }, worker));
  return summarize(clients, latencies, failed, (performance.now() - started) / 1000);
}

/**
 * The ceiling: a bare Node.js HTTP server answering a fixed page (a copy of the home page, so the same
 * size) on this machine in the same run. Nothing the portal does can be faster than this.
 */
export async function startCeilingServer(page: Buffer, port: number): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.byteLength });
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
