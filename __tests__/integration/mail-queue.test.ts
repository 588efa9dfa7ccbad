import { randomUUID } from "node:crypto";
import { db } from "@/lib/platform/db";
import { deliverQueuedMails, MAX_ATTEMPTS, queueMail } from "@/lib/platform/mail/queue";
import { testPrisma } from "./support/db";

/**
 * Mails queued with what they tell: nothing is sent for a transaction that rolled back, each queued mail is
 * delivered once even with several deliverers at the same time, and a failure waits before the next attempt.
 */
const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

const message = (to: string) => ({ to, subject: `Sujet ${to}`, text: "Bonjour", html: "<p>Bonjour</p>", tag: "test" });

async function drain() {
  // Other test files share the database: deliver until nothing due is left.
  for (let round = 0; round < 20; round += 1) if ((await deliverQueuedMails({ limit: 200 })).sent === 0) return;
}

test("a mail queued in a transaction that rolls back is never sent", async () => {
  const to = `rollback.${randomUUID()}@example.org`;
  await expect(
    db().$transaction(async (tx) => {
      await queueMail(tx, message(to));
      throw new Error("annulé");
    }),
  ).rejects.toThrow("annulé");
  await drain();
  expect(await prisma.outboxMail.count({ where: { to } })).toBe(0);
  expect(await prisma.queuedMail.count({ where: { to } })).toBe(0);
});

test("queued mails are delivered once, even by concurrent deliverers, and leave the queue", async () => {
  const recipients = Array.from({ length: 12 }, () => `once.${randomUUID()}@example.org`);
  await db().$transaction(async (tx) => {
    for (const to of recipients) await queueMail(tx, message(to));
  });
  await Promise.all([deliverQueuedMails({ limit: 5 }), deliverQueuedMails({ limit: 5 }), deliverQueuedMails({ limit: 5 }), deliverQueuedMails({ limit: 5 })]);
  await drain();
  for (const to of recipients) expect(await prisma.outboxMail.count({ where: { to } })).toBe(1);
  expect(await prisma.queuedMail.count({ where: { to: { in: recipients } } })).toBe(0);
});

test("a mail that cannot be sent stays queued, with the error's name and a wait before the next attempt", async () => {
  // A recipient the mailer refuses (no such address can be typed in the portal's forms).
  const row = await prisma.queuedMail.create({ data: { to: " ", subject: "Sujet", text: "Texte", html: "<p>Texte</p>" } });
  const before = Date.now();
  await drain();
  const after = await prisma.queuedMail.findUniqueOrThrow({ where: { id: row.id } });
  expect(after.attempts).toBe(1);
  expect(after.lastError).toBe("Error");
  expect(after.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 59_000);
  // Not due: another delivery round leaves it alone.
  await deliverQueuedMails({ limit: 200 });
  expect((await prisma.queuedMail.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);
  await prisma.queuedMail.delete({ where: { id: row.id } });
});

test("a mail refused for about a day is given up, and the audit log says so (without its content)", async () => {
  const row = await prisma.queuedMail.create({ data: { to: " ", subject: "Sujet", text: "Texte", html: "<p>Texte</p>", attempts: MAX_ATTEMPTS - 1, tag: "abandon" } });
  await drain();
  expect(await prisma.queuedMail.count({ where: { id: row.id } })).toBe(0);
  const entry = await prisma.auditLog.findFirst({ where: { action: "mail.abandoned", targetId: row.id } });
  expect(entry).toMatchObject({ actorType: "SYSTEM", details: { tag: "abandon", attempts: MAX_ATTEMPTS, lastError: "Error" } });
});

test("queueMail refuses a malformed recipient at once", async () => {
  await expect(db().$transaction((tx) => queueMail(tx, message("a@example.org\r\nBcc: b@example.org")))).rejects.toThrow("Mail recipient is missing or malformed");
});
