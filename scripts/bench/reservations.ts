/**
 * The reservations scenarios of `npm run bench`: the month calendar of a parent (GET, server-rendered) and the
 * booking action (a ticked day sent through the calendar's server action), on the seeded "alsh-mercredis".
 */
import { randomUUID } from "node:crypto";
import { openDays } from "@/lib/reservations/rules/closures";
import { addDays, dayOf } from "@/lib/reservations/rules/days";
import { parisDay } from "@/lib/reservations/rules/deadlines";
import { prismaOn } from "../../__tests__/fixtures/db";
import { createParent } from "../../__tests__/fixtures/parents";
import { batch } from "./load";
import { actionHeaders, actionOfFormWith, actionReply } from "./next-actions";
import { eachLimited, type BenchParent } from "./parents";
import type { LoadMeasure } from "./stats";

export const CALENDAR_ACTIVITY = "alsh-mercredis";

export interface BenchFamily {
  id: string;
  login: string;
  childId: string;
}

/** `count` parents of validated families, one child each enrolled in the Wednesday ALSH (élémentaire). */
export async function createEnrolledFamilies(databaseUrl: string, count: number): Promise<BenchFamily[]> {
  const prisma = prismaOn(databaseUrl, 4);
  const run = randomUUID().slice(0, 6);
  try {
    const activity = await prisma.activity.findUniqueOrThrow({
      where: { code: CALENDAR_ACTIVITY },
      include: { groups: true, periods: true },
    });
    const group = activity.groups.find((candidate) => candidate.code === "elementaire")!;
    const period = activity.periods[0]!;
    return await eachLimited(
      Array.from({ length: count }, (_, index) => index),
      4,
      async (index) => {
        const family = await prisma.family.create({ data: { dossierNumber: `F-BENCH-${run}-${index}` } });
        const parent = await createParent({
          prisma,
          loginPrefix: "bench.resa",
          usageName: "MESURE",
          firstNames: "Claire",
          familyId: family.id,
          account: { civility: "MADAME" },
        });
        const child = await prisma.familyMember.create({
          data: {
            familyId: family.id,
            role: "CHILD",
            usageName: "MESURE",
            firstName: `Enfant${index}`,
            birthDate: new Date("2018-05-01T00:00:00Z"),
          },
        });
        await prisma.enrolment.create({
          data: {
            childId: child.id,
            familyId: family.id,
            activityId: activity.id,
            periodId: period.id,
            groupId: group.id,
            status: "ACCEPTED",
          },
        });
        return { id: parent.id, login: parent.login, childId: child.id };
      },
    );
  } finally {
    await prisma.$disconnect();
  }
}

/** The Wednesdays still open to booking (a week ahead at least, to stay clear of the deadline). */
export async function bookableWednesdays(
  databaseUrl: string,
): Promise<{ activityId: string; unitId: string; days: string[]; month: string }> {
  const prisma = prismaOn(databaseUrl, 1);
  try {
    const activity = await prisma.activity.findUniqueOrThrow({
      where: { code: CALENDAR_ACTIVITY },
      include: { periods: true, units: { orderBy: { position: "asc" } } },
    });
    const period = activity.periods[0]!;
    const from = addDays(parisDay(new Date()), 7);
    const days = openDays({
      kind: period.kind,
      startDate: dayOf(period.startDate),
      endDate: dayOf(period.endDate),
      weekdays: period.weekdays,
    }).filter((day) => day >= from);
    return { activityId: activity.id, unitId: activity.units[0]!.id, days, month: (days[0] ?? from).slice(0, 7) };
  } finally {
    await prisma.$disconnect();
  }
}

/** Each request books one (child, Wednesday) never booked before: the real work of the action, not its repeat path. */
export async function sendBookings(
  baseUrl: string,
  parents: (BenchParent & { childId: string })[],
  target: { activityId: string; unitId: string; days: string[] },
  levels: { clients: number; requests: number }[],
): Promise<LoadMeasure[]> {
  const path = `/espace/reservations/${CALENDAR_ACTIVITY}`;
  const page = await fetch(`${baseUrl}${path}`, { headers: { cookie: parents[0]!.cookie } });
  const actionId = actionOfFormWith(await page.text(), "case");
  const pairs = target.days.flatMap((day) => parents.map((parent) => ({ parent, day })));
  let next = 0;
  const measures: LoadMeasure[] = [];
  for (const level of levels) {
    const slice = pairs.slice(next, next + level.requests);
    next += slice.length;
    const tasks = slice.map(({ parent, day }) => async () => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: actionHeaders(baseUrl, actionId, parent.cookie),
        body: actionReply(
          [{ status: "idle" }],
          [
            ["activite", target.activityId],
            ["case", `${parent.childId}|${day}|${target.unitId}`],
          ],
        ),
      });
      const text = await response.text();
      return response.status === 200 && (text.includes(": réservé") || text.includes("liste d'attente (position"));
    });
    measures.push(await batch(tasks, level.clients));
  }
  return measures;
}
