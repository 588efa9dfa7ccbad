import { publicHoliday } from "@/lib/reservations/rules/closures";
import { parisDay } from "@/lib/reservations/rules/deadlines";
import { addDays } from "@/lib/reservations/rules/days";
import {
  createTestActivity,
  createTestFamilies,
  enrolAll,
  slotInvariant,
  type TestActivity,
  type TestFamily,
} from "../support/reservations";
import { actionIdByName, postAction, type ActionAnswer } from "./support/actions";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { sessionCookie } from "./support/families";
import { startPortal, type Portal } from "./support/portal";

/**
 * The opening morning: 2,000 booking requests for 300 places, sent over HTTP through the calendar's server action
 * to TWO portal processes on the same database, at the second bookings open (50 parents tap twice). Exactly 300
 * children are booked, every other one is on the waiting list with a distinct position (or refused with a reason),
 * no request is lost and no child is counted twice. Requests stay on 127.0.0.1 with at most 120 in flight.
 */
jest.setTimeout(600_000);

const PLACES = 300;
const REQUESTS = 2_000;
const DOUBLE_TAPS = 50;
const IN_FLIGHT = 120;

let portals: Portal[] = [];
let activity: TestActivity;
let families: TestFamily[];
let code: string;
let day: string;
let opensAt: Date;

beforeAll(async () => {
  const prisma = testPrisma();
  // A day five weeks ahead that is not a public holiday: well before its deadline.
  day = addDays(parisDay(new Date()), 35);
  while (publicHoliday(day)) day = addDays(day, 1);
  opensAt = new Date(Date.now() + 5 * 60_000); // moved to "in a few seconds" once everything is ready
  [portals] = await Promise.all([
    Promise.all([startPortal(), startPortal()]),
    (async () => {
      activity = await createTestActivity(prisma, {
        capacity: PLACES,
        startDate: day,
        endDate: day,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        opensAt,
      });
      families = await createTestFamilies(prisma, REQUESTS - DOUBLE_TAPS);
      await enrolAll(prisma, activity, families);
      code = (await prisma.activity.findUniqueOrThrow({ where: { id: activity.activityId } })).code;
    })(),
  ]);
});

afterAll(async () => {
  await Promise.all(portals.map((portal) => portal.kill("SIGTERM")));
  await closeTestPrisma();
});

async function inBatches<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

test(`${REQUESTS} requests for ${PLACES} places across two portals at the opening second: exactly ${PLACES} booked, none lost or doubled`, async () => {
  const prisma = testPrisma();
  const actionId = actionIdByName("calendarAction");
  const requests = [...families, ...families.slice(0, DOUBLE_TAPS)].map((family) => ({
    family,
    cell: `${family.childIds[0]}|${day}|${activity.unitId}`,
  }));
  const cookies = new Map(
    await Promise.all(families.map(async (family) => [family.accountId, await sessionCookie(family.accountId)] as const)),
  );

  // Bookings open in 3 seconds; the wave leaves at that second.
  opensAt = new Date(Date.now() + 3_000);
  await prisma.activityPeriod.update({ where: { id: activity.periodId }, data: { bookingOpensAt: opensAt } });
  const early = await postAction(portals[0]!, `/espace/reservations/${code}`, {
    actionId,
    cookie: cookies.get(families[0]!.accountId)!,
    args: [{ status: "idle" }],
    form: { activite: activity.activityId, case: requests[0]!.cell },
  });
  expect(early.body).toContain("Les réservations ouvrent le");
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, opensAt.getTime() - Date.now() + 20)));

  const started = performance.now();
  const answers: ActionAnswer[] = await inBatches(requests, IN_FLIGHT, (request, index) =>
    postAction(portals[index % 2]!, `/espace/reservations/${code}`, {
      actionId,
      cookie: cookies.get(request.family.accountId)!,
      args: [{ status: "idle" }],
      form: { activite: activity.activityId, case: request.cell },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
  console.log(
    `[ouverture] ${REQUESTS} demandes sur 2 portails en ${seconds.toFixed(1)} s ; latence p50 ${(latencies[Math.floor(latencies.length / 2)]! / 1000).toFixed(2)} s, max ${(latencies[latencies.length - 1]! / 1000).toFixed(2)} s`,
  );

  // Every request answered, each with a booking, a waiting-list position or a reason.
  const failed = answers.filter((answer) => answer.status !== 200);
  if (failed.length > 0) console.error(portals.map((portal) => portal.output().slice(-2000)).join("\n---\n"));
  expect(failed.map((answer) => `${answer.status} ${answer.body.slice(0, 200)}`)).toEqual([]);
  const kinds = answers.map((answer) =>
    answer.body.includes(": réservé")
      ? "booked"
      : answer.body.includes("liste d'attente (position")
        ? "waitlisted"
        : answer.body.includes('status":"error')
          ? "refused"
          : "unknown",
  );
  expect(kinds.filter((kind) => kind === "unknown")).toEqual([]);
  expect(answers.filter((answer) => answer.body.includes("(déjà réservé)")).length).toBeLessThanOrEqual(DOUBLE_TAPS);

  // In the database: exactly PLACES booked, the counter in step, one row per child, waiting positions distinct.
  const invariant = await slotInvariant(prisma, activity, day);
  expect(invariant).toMatchObject({ booked: PLACES, capacity: PLACES, rowsHoldingPlaces: PLACES });
  expect(invariant.byStatus).toEqual({ BOOKED: PLACES, WAITLISTED: REQUESTS - DOUBLE_TAPS - PLACES });
  const rows = await prisma.booking.findMany({
    where: { activityId: activity.activityId },
    select: { childId: true, waitlistedAt: true, status: true },
  });
  expect(new Set(rows.map((row) => row.childId)).size).toBe(REQUESTS - DOUBLE_TAPS);
  expect(rows.length).toBe(REQUESTS - DOUBLE_TAPS);
  expect(kinds.filter((kind) => kind === "booked").length).toBeGreaterThanOrEqual(PLACES);
});
