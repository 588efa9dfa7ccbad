import "server-only";
import { db } from "@/lib/platform/db";
import { defineJob } from "@/lib/platform/jobs";
import { logEvent } from "@/lib/platform/log";
import { purge, PURGE_CATEGORIES } from "./retention";

/**
 * The retention purge, every night at 03:15 (Paris time), by a worker: no cron line to install.
 * Once per run: a retried run (its worker died) finds the audit entry of a run that finished and stops there;
 * otherwise it purges again, which is idempotent (only what is still past its period is deleted).
 * At most one purge runs at a time, whatever the number of workers (singleton queue).
 */
export const retentionPurgeJob = defineJob<Record<string, never>>({
  name: "privacy.purge",
  cron: "15 3 * * *",
  policy: "singleton",
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 30 * 60,
  handler: async (_payload, { jobId }) => {
    const done = await db().auditLog.findFirst({
      where: { action: "retention.purged", details: { path: ["jobId"], equals: jobId } },
      select: { id: true },
    });
    if (done) return;
    const report = await purge({ jobId });
    const total = PURGE_CATEGORIES.reduce((sum, category) => sum + report.counts[category], 0);
    logEvent(report.fileErrors ? "warn" : "info", "privacy.purged", { jobId, deleted: total, fileErrors: report.fileErrors });
  },
});
