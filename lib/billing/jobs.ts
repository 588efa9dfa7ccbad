import "server-only";
import { defineJob } from "@/lib/platform/jobs";
import { sendDueReminders } from "./mails";

/**
 * Jobs of billing, registered in lib/worker/jobs.ts. The reminder runs every morning at 08:00 (Paris time); it is
 * idempotent: each invoice is reminded once. The publication mail needs no job of its own: it is queued in the
 * publishing transaction (lib/platform/mail/queue.ts).
 */
export const billingReminderJob = defineJob<Record<string, never>>({
  name: "billing.due-reminders",
  cron: "0 8 * * *",
  policy: "singleton",
  retryLimit: 3,
  handler: async () => {
    await sendDueReminders();
  },
});

export const billingJobs = [billingReminderJob];
