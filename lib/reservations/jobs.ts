import "server-only";
import { defineJob, enqueue } from "@/lib/platform/jobs";
import { logEvent } from "@/lib/platform/log";
import { drawLottery } from "./lottery-draw";
import { offerDueOffers, offerFreedPlaces, type OfferPayload } from "./offers";

/**
 * The jobs of the reservations feature, on the platform's job queue (registered in lib/worker/jobs.ts). Each
 * handler is idempotent: running it twice, or concurrently on two workers, offers a place once and draws a
 * lottery once.
 */

/** A place was freed on a day (cancellation, declined or expired offer): offer it to the first waiting family. */
export const offerFreedPlaceJob = defineJob<OfferPayload>({
  name: "reservations.offer-freed-place",
  handler: async (payload) => {
    await offerFreedPlaces(payload);
  },
});

/** The lottery window of a holiday session has closed: draw its requests. */
export const drawLotteryJob = defineJob<{ periodId: string }>({
  name: "reservations.draw-lottery",
  handler: async ({ periodId }) => {
    await drawLottery(periodId);
  },
});

/**
 * Every two minutes: offers that expired with no event to trigger them go to the next family, and a place freed
 * by a process that died before its offer ran is offered. The durable path behind the immediate one below.
 */
export const offerSweepJob = defineJob<Record<string, never>>({
  name: "reservations.offer-sweep",
  cron: "*/2 * * * *",
  policy: "singleton",
  retryLimit: 2,
  handler: async () => {
    const offered = await offerDueOffers();
    if (offered > 0) logEvent("info", "reservations.offered", { offered });
  },
});

export const reservationJobs = [offerFreedPlaceJob, drawLotteryJob, offerSweepJob];

const pending = new Set<Promise<void>>();

/**
 * Offers a freed place at once, in this process, right after the commit that freed it: the parent who waits
 * learns it within the second. If this process dies in between, the sweep job above offers it within two minutes.
 */
export function runAfterCommit<Payload>(
  job: { name: string; handler: (payload: Payload, ctx: { jobId: string; attempt: number }) => Promise<void> },
  payload: Payload,
): void {
  const run = job.handler(payload, { jobId: "after-commit", attempt: 1 }).catch((error: unknown) => {
    logEvent("warn", "job.after-commit-failed", { job: job.name, error: error instanceof Error ? error.name : "error" });
  });
  pending.add(run);
  void run.finally(() => pending.delete(run));
}

/**
 * The lottery draw at the end of its window, as a delayed job (one per period: singleton key). Were the queue
 * unreachable, the first booking request after the window draws it anyway (booking.ts), so nothing is lost.
 */
export function scheduleLotteryDraw(periodId: string, when: Date): void {
  const run = enqueue(drawLotteryJob, { periodId }, { startAfter: when, singletonKey: periodId })
    .then(() => undefined)
    .catch((error: unknown) => {
      logEvent("warn", "job.enqueue-failed", { job: drawLotteryJob.name, error: error instanceof Error ? error.name : "error" });
    });
  pending.add(run);
  void run.finally(() => pending.delete(run));
}

/** For tests and graceful shutdown: waits for the jobs started in this process. */
export async function settleJobs(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
