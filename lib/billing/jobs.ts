import "server-only";
import { sendDueReminders } from "./mails";

/**
 * Jobs of billing, shaped as the job queue's JobDefinition (issue #13): registered in lib/worker/jobs.ts once
 * the queue is in main. The reminder job runs daily (it is idempotent: each invoice is reminded once).
 * The publication mail needs no job: it is queued in the publishing transaction (lib/mail/queue.ts).
 */
export const billingReminderJob = {
  name: "billing.due-reminders",
  async handler(): Promise<void> {
    await sendDueReminders();
  },
};
