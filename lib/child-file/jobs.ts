import "server-only";
import { db } from "@/lib/platform/db";
import { defineJob } from "@/lib/platform/jobs";
import { env } from "@/lib/platform/env";
import { queueMail } from "@/lib/platform/mail/queue";
import { documentExpiryMail } from "@/lib/platform/mail/templates";
import { town } from "@/lib/platform/town";
import { familyDocumentsOfKinds } from "./documents";
import { frenchDay, kindLabel, parisDay } from "./rules";

/**
 * The expiry reminder: a document whose last valid day is within the town's reminder period is told to its
 * owner once, by mail and on the home page. Idempotent: the document is claimed by a conditional update
 * (expiryReminderSentAt still null) in the transaction that writes the notification and queues the mail,
 * so two runs at once, or a run retried after a crash, tell the parent exactly once.
 * A document already replaced by a newer one of its kind, valid beyond it, is marked without a message.
 *
 * Registered in lib/worker/jobs.ts and run daily by a worker.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExpiryReminderReport {
  reminded: number;
  alreadyReplaced: number;
}

export async function sendExpiryReminders(now: Date = new Date()): Promise<ExpiryReminderReport> {
  const config = town();
  const today = parisDay(now);
  const horizon = parisDay(new Date(now.getTime() + config.childFile.expiryReminderDays * DAY_MS));
  const due = await db().document.findMany({
    where: {
      deletedAt: null,
      expiryReminderSentAt: null,
      validUntil: { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${horizon}T00:00:00Z`) },
      owner: { status: "ACTIVE" },
    },
    select: {
      id: true,
      kindCode: true,
      kind: true,
      fileName: true,
      validUntil: true,
      childId: true,
      owner: { select: { id: true, email: true, civility: true, usageName: true, firstNames: true, familyId: true } },
    },
    take: 500,
  });
  const report: ExpiryReminderReport = { reminded: 0, alreadyReplaced: 0 };
  for (const document of due) {
    const code = document.kindCode ?? "autre";
    const lastValidDay = document.validUntil!.toISOString().slice(0, 10);
    const replaced = document.owner.familyId
      ? (await familyDocumentsOfKinds(document.owner.familyId, [code])).some(
          (other) =>
            other.id !== document.id &&
            (other.validUntil === null || other.validUntil > lastValidDay) &&
            (other.childId === document.childId || !document.childId),
        )
      : false;
    const label = kindLabel(config.childFile.documentKinds, code);
    const told = await db().$transaction(async (tx) => {
      const { count } = await tx.document.updateMany({
        where: { id: document.id, expiryReminderSentAt: null },
        data: { expiryReminderSentAt: now },
      });
      if (count === 0 || replaced) return false;
      await tx.notification.create({
        data: {
          accountId: document.owner.id,
          title: `${label} : bientôt plus valable`,
          body: `Votre document « ${document.fileName} » est valable jusqu'au ${frenchDay(lastValidDay)}. Ajoutez un document à jour dans votre espace de stockage.`,
          link: "/espace/documents",
        },
      });
      const mail = documentExpiryMail(
        {
          ...document.owner,
          documentLabel: label,
          fileName: document.fileName,
          lastValidDay: frenchDay(lastValidDay),
          link: `${env().APP_URL}/espace/documents`,
        },
        config,
      );
      await queueMail(tx, { to: document.owner.email, ...mail, tag: "document-expiry" });
      return true;
    });
    if (told) report.reminded += 1;
    else if (replaced) report.alreadyReplaced += 1;
  }
  return report;
}

/** Every morning at 07:30 (Paris time); the payload may fix "now" (ISO instant) for a replay. */
export const documentExpiryReminderJob = defineJob<{ now?: string } | null | undefined>({
  name: "child-file.document-expiry-reminder",
  cron: "30 7 * * *",
  policy: "singleton",
  retryLimit: 3,
  handler: async (payload) => {
    const now = payload?.now ? new Date(payload.now) : new Date();
    await sendExpiryReminders(Number.isNaN(now.getTime()) ? new Date() : now);
  },
});
