import "server-only";
import { drawLottery } from "./lottery-draw";
import { offerFreedPlaces, type OfferPayload } from "./offers";

/**
 * The jobs of the reservations feature, shaped as the job queue's definitions (#13: `{ name, handler }`,
 * registered in lib/worker/jobs.ts once the queue is in main). Each handler is idempotent: running it twice,
 * or concurrently on two workers, offers a place once and draws a lottery once.
 */
export interface JobDefinition<Payload> {
  name: string;
  handler(payload: Payload, ctx?: unknown): Promise<void>;
}

/** A place was freed on a day (cancellation, declined or expired offer): offer it to the first waiting family. */
export const offerFreedPlaceJob: JobDefinition<OfferPayload> = {
  name: "reservations.offer-freed-place",
  handler: async (payload) => {
    await offerFreedPlaces(payload);
  },
};

/** The lottery window of a holiday session has closed: draw its requests. */
export const drawLotteryJob: JobDefinition<{ periodId: string }> = {
  name: "reservations.draw-lottery",
  handler: async ({ periodId }) => {
    await drawLottery(periodId);
  },
};

export const reservationJobs = [offerFreedPlaceJob, drawLotteryJob];

const pending = new Set<Promise<void>>();

/**
 * Runs a job right after the commit that made it due, in this process. The queue (#13) will instead enqueue it
 * in the same transaction (`enqueue(job, payload, { tx, singletonKey })`) so that a crash in between loses
 * nothing; until then the offer sweep (offerDueOffers) catches up whatever a crash left behind.
 */
export function runAfterCommit<Payload>(job: JobDefinition<Payload>, payload: Payload): void {
  const run = job.handler(payload).catch((error: unknown) => {
    console.error(`job ${job.name} failed:`, error instanceof Error ? error.name : "error");
  });
  pending.add(run);
  void run.finally(() => pending.delete(run));
}

const scheduled = new Map<string, NodeJS.Timeout>();

/**
 * Runs a job at an instant, once per job and payload in this process (the queue's `startAfter` + `singletonKey`
 * later). A restart loses the timer, not the work: the draw also happens at the first request after the window.
 */
export function scheduleAt<Payload>(job: JobDefinition<Payload>, payload: Payload, when: Date): void {
  const key = `${job.name}:${JSON.stringify(payload)}`;
  const delay = when.getTime() - Date.now();
  // setTimeout holds 24.8 days at most; a job further away (or already due) is left to the first request after it.
  if (scheduled.has(key) || delay <= 0 || delay > 2_147_000_000) return;
  const timer = setTimeout(() => {
    scheduled.delete(key);
    runAfterCommit(job, payload);
  }, delay);
  timer.unref();
  scheduled.set(key, timer);
}

/** For tests and graceful shutdown: waits for the jobs started in this process. */
export async function settleJobs(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
