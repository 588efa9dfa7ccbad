import type { BrowserContext, Page } from "playwright-core";
import { publicHoliday } from "@/lib/reservations/rules/closures";
import { parisDay } from "@/lib/reservations/rules/deadlines";
import { addDays, isoWeekday } from "@/lib/reservations/rules/days";
import { createTestActivity, type TestActivity } from "../support/reservations";
import { closeTestPrisma, testPrisma } from "../fixtures/db";
import { createParent, type TestParent } from "../fixtures/parents";
import { expectNoHorizontalScroll, launchBrowser, newContext, viewports, type BrowserSession } from "./support/browser";
import { axe, signIn } from "./support/journeys";
import { signInStaff, staffAccounts } from "./support/staff";

/**
 * Reservations in a real browser: a parent on a phone (375 px) enrols two children, books days of a holiday
 * session and every Wednesday of the school year in one step; an agent validates an enrolment request and takes
 * attendance on the day's list. axe on every page visited.
 */
let session: BrowserSession;
let parent: TestParent;
let familyId: string;
let holiday: TestActivity & { code: string; firstDay: string };
let wednesdays: TestActivity & { code: string };
let parentContext: BrowserContext;
let page: Page;

/** The first day from `from` on a weekday of the week that is not a public holiday. */
function firstOpenDay(from: string, weekdays: number[]) {
  let day = from;
  while (!weekdays.includes(isoWeekday(day)) || publicHoliday(day)) day = addDays(day, 1);
  return day;
}

beforeAll(async () => {
  session = await launchBrowser();
  const prisma = testPrisma();
  parent = await createParent({ usageName: "RESA", firstNames: "Inès" });
  const family = await prisma.family.create({ data: { dossierNumber: `F-E2E-${Date.now().toString(36)}`, status: "ACTIVE" } });
  familyId = family.id;
  await prisma.account.update({ where: { id: parent.id }, data: { familyId } });
  await prisma.familyMember.createMany({
    data: [
      { familyId, role: "CHILD", usageName: "RESA", firstName: "Nina", birthDate: new Date("2018-04-02T00:00:00Z") },
      { familyId, role: "CHILD", usageName: "RESA", firstName: "Malo", birthDate: new Date("2020-10-12T00:00:00Z") },
    ],
  });
  const today = parisDay(new Date());
  const start = firstOpenDay(addDays(today, 21), [1]);
  const created = await createTestActivity(prisma, { capacity: 20, kind: "HOLIDAY_SESSION", startDate: start, endDate: addDays(start, 4) });
  holiday = {
    ...created,
    code: (await prisma.activity.findUniqueOrThrow({ where: { id: created.activityId } })).code,
    firstDay: firstOpenDay(start, [1, 2, 3, 4, 5]),
  };
  await prisma.activity.update({ where: { id: created.activityId }, data: { name: `Vacances E2E ${holiday.code}` } });
  const school = await createTestActivity(prisma, {
    capacity: 20,
    kind: "SCHOOL_YEAR",
    startDate: today,
    endDate: addDays(today, 120),
    weekdays: [3],
  });
  wednesdays = { ...school, code: (await prisma.activity.findUniqueOrThrow({ where: { id: school.activityId } })).code };
  await prisma.activity.update({ where: { id: school.activityId }, data: { name: `Mercredis E2E ${wednesdays.code}` } });
  parentContext = await newContext(session.browser, viewports.phone);
  page = await parentContext.newPage();
});

afterAll(async () => {
  await session?.close();
  await closeTestPrisma();
});

async function enrolBoth(activityName: string) {
  await page.goto("/espace/reservations/inscription");
  await axe(page);
  await page.getByLabel("Nina RESA").check();
  await page.getByLabel("Malo RESA").check();
  await page.getByRole("radio", { name: new RegExp(activityName) }).check();
  await page.getByRole("button", { name: "Demander l'inscription" }).click();
  await expectStatus("Nina : acceptée");
  await expectStatus("Malo : acceptée");
}

async function expectStatus(text: string) {
  await page.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}

test("a parent on a phone enrols two children, books a holiday session and the school year's Wednesdays", async () => {
  await signIn(page, parent.login, parent.password);
  await page.waitForURL("**/espace");
  await page.getByRole("link", { name: "Inscriptions et réservations" }).click();
  await page.waitForURL("**/espace/reservations");
  await page.getByText("Inscription, réservation : quelle différence ?").waitFor();
  await axe(page);
  await expectNoHorizontalScroll(page);

  await enrolBoth(`Vacances E2E ${holiday.code}`);
  await enrolBoth(`Mercredis E2E ${wednesdays.code}`);

  // The holiday session: tick the first day for both children, with the keyboard for the second one.
  await page.goto(`/espace/reservations/${holiday.code}`);
  await axe(page);
  await expectNoHorizontalScroll(page);
  const [first, second] = await page.getByRole("checkbox", { name: /Libre/ }).all();
  await first!.check();
  await second!.focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Réserver les jours cochés" }).click();
  await expectStatus("réservé");
  expect(await testPrisma().booking.count({ where: { familyId, activityId: holiday.activityId, status: "BOOKED" } })).toBe(2);
  await page.getByText("Réservé", { exact: false }).first().waitFor();
  await axe(page);

  // Every Wednesday to the end of the period, for both children, in one step.
  await page.goto(`/espace/reservations/${wednesdays.code}`);
  await page.getByRole("checkbox", { name: "mercredis" }).check();
  await page.getByRole("button", { name: "Réserver jusqu'à la fin de la période" }).click();
  await expectStatus("réservés d'un coup");
  const booked = await testPrisma().booking.count({ where: { familyId, activityId: wednesdays.activityId, status: "BOOKED" } });
  expect(booked).toBeGreaterThanOrEqual(8);
  await axe(page);

  // The calendar file for the phone.
  const response = await page.request.get(`/espace/reservations`);
  expect(response.status()).toBe(200);
  const link = page.getByRole("link", { name: /Les réservations de Nina/ });
  await page.goto("/espace/reservations");
  const ics = await page.request.get((await link.getAttribute("href"))!);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("BEGIN:VEVENT");
});

test("an agent validates an enrolment request and takes attendance", async () => {
  const prisma = testPrisma();
  // A request waiting for staff: Malo in a staff-validated activity.
  const staffValidated = await createTestActivity(prisma, {
    capacity: 5,
    validation: "STAFF",
    kind: "SCHOOL_YEAR",
    startDate: parisDay(new Date()),
    endDate: addDays(parisDay(new Date()), 60),
  });
  const malo = await prisma.familyMember.findFirstOrThrow({ where: { familyId, firstName: "Malo" } });
  await prisma.enrolment.create({
    data: {
      childId: malo.id,
      familyId,
      activityId: staffValidated.activityId,
      periodId: staffValidated.periodId,
      groupId: staffValidated.groupId,
      status: "REQUESTED",
    },
  });

  const context = await newContext(session.browser, viewports.desktop);
  const agent = await context.newPage();
  await signInStaff(agent, staffAccounts.agent);
  await agent.goto("/admin/reservations");
  await axe(agent);
  await agent.goto(`/admin/reservations/inscriptions`);
  await axe(agent);
  await agent.getByRole("button", { name: "Accepter l'inscription de Malo" }).first().click();
  await agent.getByRole("status").filter({ hasText: "Inscription acceptée" }).waitFor();
  expect((await prisma.enrolment.findFirstOrThrow({ where: { childId: malo.id, activityId: staffValidated.activityId } })).status).toBe(
    "ACCEPTED",
  );

  // Attendance (« pointage ») on a tablet: Nina is present on the first day of the holiday session.
  await context.close();
  const tablet = await (await newContext(session.browser, { width: 1024, height: 768 })).newPage();
  await signInStaff(tablet, staffAccounts.agent);
  await tablet.goto(`/admin/reservations/${holiday.code}/${holiday.firstDay}`);
  await axe(tablet);
  const nina = tablet.getByRole("form", { name: "Pointage de RESA Nina" }).first();
  await nina.getByRole("button", { name: "Présent", exact: true }).click();
  await tablet.getByRole("status").filter({ hasText: "Pointage enregistré." }).waitFor();
  await tablet
    .getByRole("form", { name: "Pointage de RESA Nina" })
    .first()
    .getByRole("button", { name: "Présent", exact: true, pressed: true })
    .waitFor();
  const row = await prisma.booking.findFirstOrThrow({
    where: { familyId, activityId: holiday.activityId, child: { firstName: "Nina" }, attendance: { not: null } },
  });
  expect(row.attendance).toBe("PRESENT");
  await axe(tablet);
  const csv = await tablet.request.get(`/admin/reservations/${holiday.code}/${holiday.firstDay}/export`);
  expect(await csv.text()).toContain("RESA Nina");
});
