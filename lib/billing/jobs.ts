import "server-only";
import { defineJob } from "@/lib/platform/jobs";
import { logEvent } from "@/lib/platform/log";
import { sendDueReminders } from "./mails";
import { sweepPendingPayments } from "./online-payment";

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

/** Every 5 minutes: pending PayFiP payments whose notification never came are asked about again. */
export const billingPaymentSweepJob = defineJob<Record<string, never>>({
  name: "billing.payment-sweep",
  cron: "*/5 * * * *",
  policy: "singleton",
  retryLimit: 1,
  handler: async () => {
    const outcomes = await sweepPendingPayments();
    if (Object.keys(outcomes).length > 0) logEvent("info", "billing.payments-swept", outcomes);
  },
});

export const billingJobs = [billingReminderJob, billingPaymentSweepJob];
