import "server-only";
import { prepareQueues } from "@/lib/platform/jobs";
import { errorName, logEvent } from "@/lib/platform/log";
import { jobs } from "./jobs";

/** At a web process's start: the job queues exist before the first request may enqueue a job in a transaction. */
export async function prepareWebJobs(): Promise<void> {
  try {
    await prepareQueues(jobs);
  } catch (error) {
    logEvent("error", "jobs.prepare-failed", { error: errorName(error) });
  }
}
