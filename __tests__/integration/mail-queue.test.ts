import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { deliverMailJob, deliverQueuedMail, queueMail } from "@/lib/platform/mail/queue";
import { stopBoss } from "@/lib/platform/jobs";
import { testPrisma } from "../fixtures/db";

/**
 * Mails queued with what they tell: the outbox row and its `mail.deliver` job are written by the transaction,
 * nothing exists for a transaction that rolls back, and each queued mail is delivered once even when the same
 * job runs twice at the same time (a worker presumed dead while it was only slow).
 */
const prisma = testPrisma();
afterAll(async () => {
  await stopBoss();
  await prisma.$disconnect();
  await db().$disconnect();
});

const message = (to: string) => ({ to, subject: `Sujet ${to}`, text: "Bonjour", html: "<p>Bonjour</p>", tag: "test" });

type JobRow = { id: string; data: { mailId: string } };
const jobsFor = (mailIds: string[]) =>
  prisma.$queryRaw<
    JobRow[]
  >`SELECT id::text, data FROM pgboss.job WHERE name = ${deliverMailJob.name} AND data->>'mailId' = ANY(${mailIds})`;

beforeAll(async () => {
  const { prepareQueues } = await import("@/lib/platform/jobs");
  await prepareQueues([deliverMailJob]);
});

test("a mail queued in a transaction that rolls back leaves neither a mail nor a job", async () => {
  const to = `rollback.${randomUUID()}@example.org`;
  let queuedId = "";
  await expect(
    db().$transaction(async (tx) => {
      await queueMail(tx, message(to));
      queuedId = (await tx.queuedMail.findFirstOrThrow({ where: { to } })).id;
      throw new Error("annulé");
    }),
  ).rejects.toThrow("annulé");
  expect(await prisma.queuedMail.count({ where: { to } })).toBe(0);
  expect(await jobsFor([queuedId])).toEqual([]);
});

test("a committed mail has its delivery job, carrying the mail's id only", async () => {
  const to = `commit.${randomUUID()}@example.org`;
  await db().$transaction((tx) => queueMail(tx, message(to)));
  const mail = await prisma.queuedMail.findFirstOrThrow({ where: { to } });
  const jobs = await jobsFor([mail.id]);
  expect(jobs.map((job) => job.data)).toEqual([{ mailId: mail.id }]);
});

test("the same mail delivered by several attempts at once is sent once, and leaves the queue", async () => {
  const recipients = Array.from({ length: 6 }, () => `once.${randomUUID()}@example.org`);
  await db().$transaction(async (tx) => {
    for (const to of recipients) await queueMail(tx, message(to));
  });
  const mails = await prisma.queuedMail.findMany({ where: { to: { in: recipients } } });
  const outcomes = await Promise.all(
    mails.flatMap((mail) => [deliverQueuedMail(mail.id), deliverQueuedMail(mail.id), deliverQueuedMail(mail.id)]),
  );
  expect(outcomes.filter(Boolean)).toHaveLength(recipients.length);
  for (const to of recipients) expect(await prisma.outboxMail.count({ where: { to } })).toBe(1);
  expect(await prisma.queuedMail.count({ where: { to: { in: recipients } } })).toBe(0);
  // A later attempt (a retry after a crash) finds nothing to do.
  expect(await deliverQueuedMail(mails[0]!.id)).toBe(false);
});

test("a mail the mailer refuses stays queued: the attempt fails, to be retried", async () => {
  const row = await prisma.queuedMail.create({ data: { to: " ", subject: "Sujet", text: "Texte", html: "<p>Texte</p>" } });
  await expect(deliverMailJob.handler({ mailId: row.id }, { jobId: randomUUID(), attempt: 1 })).rejects.toThrow(
    "Mail recipient is missing or malformed",
  );
  expect(await prisma.queuedMail.count({ where: { id: row.id } })).toBe(1);
  await prisma.queuedMail.delete({ where: { id: row.id } });
});

test("queueMail refuses a malformed recipient at once", async () => {
  await expect(db().$transaction((tx) => queueMail(tx, message("a@example.org\r\nBcc: b@example.org")))).rejects.toThrow(
    "Mail recipient is missing or malformed",
  );
});
