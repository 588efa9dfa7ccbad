import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { defineJob, enqueue, prepareQueues, stopBoss, type JobContext } from "@/lib/platform/jobs";
import { listFailedJobs, recordFailedJobs, retryFailedJob } from "@/lib/platform/jobs/failures";
import { startWorker, type RunningWorker } from "@/lib/platform/jobs/worker";
import { testPrisma } from "../fixtures/db";

/**
 * The job queue (lib/platform/jobs) on the run's PostgreSQL: transactional enqueue, a worker in this process,
 * retries with a growing wait, a job that keeps failing listed for staff, recorded once in the audit log, and
 * retried on demand; one job per singleton key.
 */
const prisma = testPrisma();
const runs: { name: string; payload: { id: string }; ctx: JobContext; at: number }[] = [];
const failUntil = new Map<string, number>();

function testJob(name: string, settings: { retryLimit?: number; retryDelaySeconds?: number } = {}) {
  return defineJob<{ id: string }>({
    name,
    ...settings,
    handler: async (payload, ctx) => {
      runs.push({ name, payload, ctx, at: Date.now() });
      if (ctx.attempt <= (failUntil.get(payload.id) ?? 0)) throw new Error(`Échec volontaire ${ctx.attempt}`);
    },
  });
}

const echo = testJob("test.echo");
const flaky = testJob("test.flaky", { retryLimit: 3, retryDelaySeconds: 1 });
const doomed = testJob("test.doomed", { retryLimit: 1, retryDelaySeconds: 1 });
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker([echo, flaky, doomed], { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await worker.stop(5_000);
  await stopBoss();
  // pg-boss forgets its stopped workers a second later (manager.js offWork): let it, before Jest tears down.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await prisma.$disconnect();
  await db().$disconnect();
});

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
const runsOf = (id: string) => runs.filter((run) => run.payload.id === id);
const stateOf = async (id: string) =>
  (await prisma.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE id = ${id}::uuid`)[0]?.state;

test("a job enqueued in a transaction exists if and only if the transaction commits, and a worker runs it once", async () => {
  const rolledBack = randomUUID();
  await expect(
    db().$transaction(async (tx) => {
      await enqueue(echo, { id: rolledBack }, { tx });
      throw new Error("annulé");
    }),
  ).rejects.toThrow("annulé");
  const committed = randomUUID();
  const jobId = await db().$transaction((tx) => enqueue(echo, { id: committed }, { tx }));
  expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
  await until("the committed job", () => runsOf(committed).length > 0);
  await until("its completion", async () => (await stateOf(jobId!)) === "completed");
  expect(runsOf(committed).map((run) => run.ctx)).toEqual([{ jobId, attempt: 1 }]);
  expect(runsOf(rolledBack)).toEqual([]);
  expect(await prisma.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE data->>'id' = ${rolledBack}`).toEqual([]);
});

test("a failing job is retried with a growing wait (exponential backoff) until it succeeds", async () => {
  const id = randomUUID();
  failUntil.set(id, 2);
  const jobId = await enqueue(flaky, { id });
  await until("the third attempt", () => runsOf(id).length >= 3, 60_000);
  await until("its completion", async () => (await stateOf(jobId!)) === "completed");
  const [first, second, third] = runsOf(id);
  expect([first, second, third].map((run) => run?.ctx.attempt)).toEqual([1, 2, 3]);
  // First wait: 1 to 2 s; second: 2 to 4 s (the delay doubles, with jitter).
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  expect(third!.at - second!.at).toBeGreaterThanOrEqual(1_900);
});

test("a job that keeps failing is listed with its error, recorded once in the audit log, and can be retried", async () => {
  const id = randomUUID();
  failUntil.set(id, 2);
  const jobId = (await enqueue(doomed, { id }))!;
  await until("the failure", async () => (await stateOf(jobId)) === "failed", 60_000);
  expect(runsOf(id)).toHaveLength(2);

  const listed = (await listFailedJobs()).find((job) => job.id === jobId);
  expect(listed).toMatchObject({ name: "test.doomed", attempts: 2, error: "Échec volontaire 2", payload: JSON.stringify({ id }) });

  await recordFailedJobs();
  await recordFailedJobs();
  const entries = await prisma.auditLog.findMany({ where: { action: "job.failed", targetId: jobId } });
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    actorType: "SYSTEM",
    targetType: "Job",
    details: { name: "test.doomed", attempts: 2, error: "Échec volontaire 2" },
  });

  expect(await retryFailedJob("test.doomed", jobId)).toBe(true);
  await until("the retried job's completion", async () => (await stateOf(jobId)) === "completed", 30_000);
  expect(runsOf(id)).toHaveLength(3);
  expect((await listFailedJobs()).some((job) => job.id === jobId)).toBe(false);
  // Retrying a job that is no longer failed does nothing.
  expect(await retryFailedJob("test.doomed", jobId)).toBe(false);
});

test("with a singleton key, two senders at once make one job", async () => {
  const key = `rappel-${randomUUID()}`;
  const later = new Date(Date.now() + 60 * 60_000);
  const ids = await Promise.all([1, 2, 3].map(() => enqueue(echo, { id: key }, { singletonKey: key, startAfter: later })));
  expect(ids.filter(Boolean)).toHaveLength(1);
  expect(await prisma.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = 'test.echo' AND singleton_key = ${key}`).toHaveLength(1);
});

test("enqueue refuses a job whose queue does not exist rather than losing it", async () => {
  await prepareQueues([echo]);
  const unknown = defineJob<{ id: string }>({ name: "test.never-prepared", handler: async () => undefined });
  await expect(db().$transaction((tx) => enqueue(unknown, { id: "x" }, { tx }))).rejects.toThrow("n'existe pas");
});
