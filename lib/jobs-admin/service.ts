import "server-only";
import { audit } from "@/lib/platform/audit";
import { listFailedJobs, retryFailedJob, type FailedJob } from "@/lib/platform/jobs/failures";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { isUuid } from "@/lib/platform/validation/uuid";

/** The background jobs that kept failing, for the administrators (/admin/taches). */
export async function failedJobsFor(caller: Caller): Promise<FailedJob[]> {
  await authorizeStaff(caller, "ADMINISTRATOR");
  return listFailedJobs();
}

const JOB_NAME = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/** One more attempt for a failed job, recorded in the audit log. False when it is no longer failed. */
export async function retryJob(caller: Caller, name: string, id: string): Promise<boolean> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  if (!JOB_NAME.test(name) || !isUuid(id)) return false;
  const retried = await retryFailedJob(name, id);
  if (retried) await audit({ ...staffAudit(actor), action: "job.retried", targetType: "Job", targetId: id, details: { name } });
  return retried;
}

/** What each job does, in the administrators' words. */
export const JOB_LABELS: Record<string, string> = {
  "mail.deliver": "Envoi d'un courriel",
  "privacy.purge": "Purge des données arrivées au terme de leur conservation",
  "jobs.record-failures": "Relevé des tâches en échec",
};

export const jobLabel = (name: string) => JOB_LABELS[name] ?? name;
