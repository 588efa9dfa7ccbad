import "server-only";
import { billingJobs } from "@/lib/billing/jobs";
import { documentExpiryReminderJob } from "@/lib/child-file/jobs";
import { deliverMailJob } from "@/lib/platform/mail/queue";
import type { AnyJobDefinition } from "@/lib/platform/jobs";
import { recordFailedJobsJob } from "@/lib/platform/jobs/failures";
import { retentionPurgeJob } from "@/lib/privacy/jobs";
import { reservationJobs } from "@/lib/reservations/jobs";

/**
 * Every job of the portal: the composition root `npm run worker` and `npm run dev` run, and the web processes
 * prepare at start (so a job can be enqueued inside any transaction). A feature adds its jobs here
 * (reminders, waiting-list offers, billing runs...), defined in its own `jobs.ts` with `defineJob`.
 */
export const jobs: readonly AnyJobDefinition[] = [
  deliverMailJob,
  retentionPurgeJob,
  recordFailedJobsJob,
  documentExpiryReminderJob,
  ...reservationJobs,
  ...billingJobs,
];
