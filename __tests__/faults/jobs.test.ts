import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { deliverMailJob, queueMail } from "@/lib/platform/mail/queue";
import { enqueue, prepareQueues, stopBoss } from "@/lib/platform/jobs";
import { retentionPurgeJob } from "@/lib/privacy/jobs";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { DatabaseLocks } from "./support/locks";
import { until } from "./support/portal";
import { startWorkerProcess, type WorkerProcess } from "./support/worker";

/**
 * Job workers as production runs them (`npm run worker`, real processes on the run's PostgreSQL), killed with
 * SIGKILL in the middle of a job: the job runs again on another worker and its effect happens once (one mail,
 * one purge). Two workers share a burst of jobs without ever running one twice. The schedule is kept in the
 * database: a killed and restarted worker sends the scheduled purge once per slot.
 * To be sure the job is in flight when its worker dies, the test holds a lock on the row the job writes and waits
 * until the worker's query waits on it (as crash.test.ts does with the web server).
 */
const prisma = testPrisma();
const locks = new DatabaseLocks();
const workers: WorkerProcess[] = [];

async function worker(extraEnv: Record<string, string> = {}) {
  const started = await startWorkerProcess(extraEnv);
  workers.push(started);
  return started;
}

beforeAll(async () => {
  await locks.connect();
  await prepareQueues([deliverMailJob, retentionPurgeJob]);
});
afterAll(async () => {
  for (const running of workers) await running.kill("SIGTERM");
  await locks.close();
  await stopBoss();
  await db().$disconnect();
  await closeTestPrisma();
});

type JobRow = { id: string; state: string; retry_count: number };
const jobRow = async (id: string) =>
  (await prisma.$queryRaw<JobRow[]>`SELECT id::text, state::text, retry_count FROM pgboss.job WHERE id = ${id}::uuid`)[0];
const mailJobOf = async (mailId: string) =>
  (
    await prisma.$queryRaw<{ id: string }[]>`SELECT id::text FROM pgboss.job WHERE name = 'mail.deliver' AND data->>'mailId' = ${mailId}`
  )[0]!.id;
const message = (to: string) => ({
  to,
  subject: "Déclaration reçue (test de panne)",
  text: "Bonjour",
  html: "<p>Bonjour</p>",
  tag: "test",
});

test("a worker killed while it delivers a mail: another worker delivers it, once", async () => {
  const first = await worker();
  const to = `panne.${randomUUID()}@example.org`;
  // The row is locked before the job exists: the worker's delivery waits on it.
  await db().$transaction((tx) => queueMail(tx, message(to)));
  const mail = await prisma.queuedMail.findFirstOrThrow({ where: { to } });
  const lock = await locks.hold("SELECT id FROM queued_mails WHERE id = $1 FOR UPDATE", [mail.id]);
  await locks.waiterFrom(first.applicationName);
  await first.kill("SIGKILL");
  await lock.release();
  await locks.sessionsGone(first.applicationName);
  expect(await prisma.outboxMail.count({ where: { to } })).toBe(0);

  const second = await worker();
  const jobId = await mailJobOf(mail.id);
  await until("the mail's job to complete on the second worker", async () => (await jobRow(jobId))?.state === "completed", 60_000);
  expect(await prisma.outboxMail.count({ where: { to } })).toBe(1);
  expect(await prisma.queuedMail.count({ where: { id: mail.id } })).toBe(0);
  expect(second.completed("mail.deliver")).toContain(jobId);
  expect((await jobRow(jobId))?.retry_count).toBeGreaterThanOrEqual(1);
  await second.kill("SIGTERM");
});

test("a worker killed in the middle of the purge: the purge runs again, and happens once", async () => {
  const first = await worker();
  const draft = await prisma.signupDraft.create({ data: { expiresAt: new Date(Date.now() - 60_000) } });
  const lock = await locks.hold("SELECT id FROM signup_drafts WHERE id = $1 FOR UPDATE", [draft.id]);
  const jobId = (await enqueue(retentionPurgeJob, {}))!;
  await locks.waiterFrom(first.applicationName);
  await first.kill("SIGKILL");
  await lock.release();
  await locks.sessionsGone(first.applicationName);

  const second = await worker();
  await until("the purge to complete on the second worker", async () => (await jobRow(jobId))?.state === "completed", 60_000);
  const runs = await prisma.auditLog.findMany({ where: { action: "retention.purged", details: { path: ["jobId"], equals: jobId } } });
  expect(runs).toHaveLength(1);
  expect(await prisma.signupDraft.count({ where: { id: draft.id } })).toBe(0);
  // Run again (as if the second worker had died after its audit entry): nothing more is recorded.
  await retentionPurgeJob.handler({}, { jobId, attempt: 3 });
  expect(await prisma.auditLog.count({ where: { action: "retention.purged", details: { path: ["jobId"], equals: jobId } } })).toBe(1);
  await second.kill("SIGTERM");
});

test("two workers share a burst of mails: each job runs on one worker only, each mail is sent once", async () => {
  // The production expiry here (2 minutes for a mail): with the tests' 4 s, a job still queued behind others in a
  // loaded machine's batch is presumed dead and handed to the other worker (its effect still happens once).
  const pair = await Promise.all([worker({ JOBS_EXPIRE_SECONDS: "" }), worker({ JOBS_EXPIRE_SECONDS: "" })]);
  const recipients = Array.from({ length: 120 }, () => `burst.${randomUUID()}@example.org`);
  const started = Date.now();
  await db().$transaction(async (tx) => {
    for (const to of recipients) await queueMail(tx, message(to));
  });
  await until(
    "every mail of the burst",
    async () => (await prisma.outboxMail.count({ where: { to: { in: recipients } } })) >= recipients.length,
    120_000,
    200,
  );
  const elapsed = Date.now() - started;
  const counts = await prisma.outboxMail.groupBy({ by: ["to"], where: { to: { in: recipients } }, _count: { _all: true } });
  expect(counts.filter((row) => row._count._all !== 1)).toEqual([]);
  expect(counts).toHaveLength(recipients.length);

  const [a, b] = pair.map((running) => running.completed("mail.deliver"));
  const both = new Set(a!.filter((id) => b!.includes(id)));
  expect([...both]).toEqual([]);
  expect(new Set(a).size).toBe(a!.length);
  expect(new Set(b).size).toBe(b!.length);
  expect(a!.length + b!.length).toBeGreaterThanOrEqual(recipients.length);
  const attempts = pair.flatMap((running) =>
    running.lines().filter((line) => line.msg === "job" && line.job === "mail.deliver" && line.attempt !== 1),
  );
  expect(attempts).toEqual([]);
  const queued = pair.flatMap((running) =>
    running
      .lines()
      .filter((line) => line.msg === "job" && line.job === "mail.deliver")
      .map((line) => Number(line.queuedMs)),
  );
  queued.sort((x, y) => x - y);
  console.log(
    `[tâches] ${recipients.length} courriels par 2 workers en ${elapsed} ms (${Math.round((recipients.length * 1000) / elapsed)} /s) ; ` +
      `répartition ${a!.length}/${b!.length} ; attente en file médiane ${queued[Math.floor(queued.length / 2)]} ms, p95 ${queued[Math.floor(queued.length * 0.95)]} ms`,
  );
  for (const running of pair) await running.kill("SIGTERM");
});

test("the schedule survives a restart: the purge is still sent, once per slot, by the restarted workers", async () => {
  const everyMinute = { JOBS_TEST_SCHEDULES: "privacy.purge=* * * * *" };
  const first = await worker(everyMinute);
  await first.kill("SIGKILL");
  const [schedule] = await prisma.$queryRaw<
    { cron: string; timezone: string }[]
  >`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'privacy.purge'`;
  expect(schedule).toEqual({ cron: "* * * * *", timezone: "Europe/Paris" });

  const since = new Date();
  const restarted = await Promise.all([worker(everyMinute), worker(everyMinute)]);
  const purges = () => prisma.auditLog.findMany({ where: { action: "retention.purged", at: { gte: since } }, select: { details: true } });
  await until("a scheduled purge after the restart", async () => (await purges()).length >= 1, 150_000, 500);
  // Wait past the slot: the two restarted workers both watch the schedule, only one purge is sent for it.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const jobIds = (await purges()).map((entry) => (entry.details as { jobId?: string }).jobId);
  expect(new Set(jobIds).size).toBe(jobIds.length);
  const sent = await prisma.$queryRaw<{ slot: Date; count: bigint }[]>`
    SELECT date_trunc('minute', created_on) AS slot, count(*) FROM pgboss.job WHERE name = 'privacy.purge' AND created_on >= ${since} GROUP BY 1`;
  expect(sent.filter((row) => Number(row.count) > 1)).toEqual([]);
  for (const running of restarted) await running.kill("SIGTERM");
  // Back to the code's schedule for whatever runs next on this database.
  const restored = await worker();
  await restored.kill("SIGTERM");
});
