/**
 * Billing demo (issue #17), idempotent: the family FACTURE (two children, quotient familial 720 € from the
 * CAF), a published invoice of two months ago to pay online, and last month's school-restaurant bookings (real
 * Booking rows, with their attendance: present, absent, excused, cancelled late, one day not recorded) computed
 * into a draft for staff to review and publish, through the same translation (lib/billing/billable.ts) and
 * pricing as a real run. A "Recalculer" from the back-office gives the same draft from the same rows.
 */
import type { PrismaClient } from "../lib/generated/prisma/client";
import { demoParentWithInvoices } from "../lib/platform/demo/accounts";
import { priceMonth } from "../lib/billing/pricing";
import { carbonBlancBilling } from "../lib/billing/tariffs/carbon-blanc";
import { BILLABLE_BOOKING_SELECT, billableItems, NOT_RECORDED_WARNING } from "../lib/billing/billable";
import type { BillableItem, BillableStateCode } from "../lib/billing/types";

const REGIE = "RES";

function monthOf(now: Date, back: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}

/**
 * A month of school days: lunch for both children on Mon, Tue, Thu, Fri, with an excused absence, an unjustified
 * one, a late cancellation and a day whose attendance was not recorded (placed by school day, not by date, so
 * every month has them).
 */
export function demoMonthItems(
  familyId: string,
  children: { id: string; name: string; birthDate: string }[],
  month: string,
): BillableItem[] {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const schoolDays: string[] = [];
  for (let day = 1; day <= days; day += 1) {
    const date = new Date(Date.UTC(year, monthNumber - 1, day));
    if ([1, 2, 4, 5].includes(date.getUTCDay())) schoolDays.push(date.toISOString().slice(0, 10));
  }
  const items: BillableItem[] = [];
  for (const [position, iso] of schoolDays.entries()) {
    for (const [index, child] of children.entries()) {
      let state: BillableStateCode = "PRESENT";
      let warning: string | undefined;
      if (position === 2 && index === 0) state = "ABSENT_JUSTIFIED";
      if (position === 3 && index === 1) state = "ABSENT_UNJUSTIFIED";
      if (position === 6 && index === 0) state = "LATE_CANCELLATION";
      if (position === 10 && index === 1) warning = NOT_RECORDED_WARNING;
      items.push({
        sourceId: `demo-${child.id}-${iso}`,
        familyId,
        childId: child.id,
        childName: child.name,
        childBirthDate: child.birthDate,
        date: iso,
        serviceCode: "RESTAURATION",
        activityCode: "restauration-scolaire",
        activityName: "Restauration scolaire",
        unit: "REPAS",
        unitLabel: "Repas",
        state,
        warning,
      });
    }
  }
  return items;
}

export async function seedDemoBilling(prisma: PrismaClient, passwordHash: string, cguVersion: string, now = new Date()) {
  if (await prisma.account.findUnique({ where: { login: demoParentWithInvoices.login } })) return;
  const family = await prisma.family.create({ data: { dossierNumber: "F-2026-DEMO02", status: "ACTIVE" } });
  const account = await prisma.account.create({
    data: {
      login: demoParentWithInvoices.login,
      email: demoParentWithInvoices.email,
      emailVerifiedAt: now,
      passwordHash,
      status: "ACTIVE",
      activatedAt: now,
      civility: "MADAME",
      usageName: "FACTURE",
      firstNames: "Claire",
      postalCode: "33560",
      city: "Carbon-Blanc",
      cguAcceptedAt: now,
      cguVersion,
      familyId: family.id,
    },
  });
  await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "HOLDER",
      accountId: account.id,
      civility: "MADAME",
      usageName: "FACTURE",
      firstName: "Claire",
      streetNumber: "12",
      streetName: "rue de la Mairie",
      postalCode: "33560",
      city: "Carbon-Blanc",
      email: demoParentWithInvoices.email,
    },
  });
  const lea = await prisma.familyMember.create({
    data: { familyId: family.id, role: "CHILD", usageName: "FACTURE", firstName: "Léa", sex: "FEMININ", birthDate: new Date("2017-04-03") },
  });
  const tom = await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "CHILD",
      usageName: "FACTURE",
      firstName: "Tom",
      sex: "MASCULIN",
      birthDate: new Date("2020-09-10"),
    },
  });
  const year = now.getUTCFullYear();
  await prisma.quotientFamilial.create({
    data: {
      familyId: family.id,
      value: 720,
      source: "API_PARTICULIER",
      status: "VALID",
      provider: "CNAF",
      referenceMonth: `${year - 1}-12`,
      validFrom: new Date(`${year - 1}-01-01`),
      validUntil: new Date(`${year}-12-31`),
      accountId: account.id,
    },
  });
  const children = [
    { id: lea.id, name: "Léa FACTURE", birthDate: "2017-04-03" },
    { id: tom.id, name: "Tom FACTURE", birthDate: "2020-09-10" },
  ];
  const quotients = [{ value: 720, validFrom: `${year - 1}-01-01`, validUntil: `${year}-12-31` }];
  for (const [back, publish] of [
    [2, true],
    [1, false],
  ] as const) {
    const month = monthOf(now, back);
    const fixture = demoMonthItems(family.id, children, month);
    const items = publish ? fixture : await bookMonth(prisma, fixture, account.id, now);
    const priced = priceMonth(items, { resident: true, quotients }, carbonBlancBilling.tariffs);
    const due = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 30));
    const run = await prisma.billingRun.upsert({
      where: { regie_month: { regie: REGIE, month } },
      update: {},
      create: { regie: REGIE, month, dueDate: due },
    });
    const invoice = await prisma.invoice.create({
      data: {
        regie: REGIE,
        runId: run.id,
        familyId: family.id,
        period: month,
        amountCents: priced.totalCents,
        quotientValue: priced.quotient,
        quotientBracket: priced.bracketLabel,
        dueDate: due,
        lines: {
          create: priced.lines.map((line, position) => ({
            childId: line.childId,
            childName: line.childName,
            date: new Date(line.date),
            activityCode: line.activityCode,
            label: line.label,
            state: line.state,
            unitPriceCents: line.unitPriceCents,
            reductionCents: line.reductionCents,
            amountCents: line.amountCents,
            pricing: line.pricing,
            warning: line.warning,
            sourceId: line.sourceId,
            position,
          })),
        },
      },
    });
    if (publish) {
      const [counter] = await prisma.$queryRaw<{ last: number }[]>`
        INSERT INTO invoice_counters (regie, kind, year, last) VALUES (${REGIE}, 'INVOICE'::"InvoiceKind", ${year}, 1)
        ON CONFLICT (regie, kind, year) DO UPDATE SET last = invoice_counters.last + 1 RETURNING last`;
      await prisma.invoice.update({
        where: { id: invoice.id },
        data: { number: `${REGIE}-${year}-${String(counter?.last ?? 1).padStart(5, "0")}`, status: "ISSUED", issuedAt: now },
      });
      await prisma.billingRun.update({ where: { id: run.id }, data: { status: "PUBLISHED", publishedAt: now } });
    }
  }
}

/**
 * Writes the fixture's days as the family's school-restaurant bookings (enrolments accepted, counters in step with
 * the rows), then reads them back as billing does. Falls back to the fixture when the month is outside the
 * activity's school year (a demo started long after 2026-2027).
 */
async function bookMonth(prisma: PrismaClient, fixture: BillableItem[], accountId: string, now: Date): Promise<BillableItem[]> {
  const activity = await prisma.activity.findUnique({
    where: { code: "restauration" },
    include: { units: true, groups: true, periods: true },
  });
  const unit = activity?.units.find((candidate) => candidate.kind === "REPAS");
  const period = activity?.periods.find((candidate) =>
    fixture.every((item) => candidate.startDate <= new Date(item.date) && new Date(item.date) <= candidate.endDate),
  );
  if (!activity || !unit || !period || fixture.length === 0) return fixture;
  const enrolments = new Map<string, { id: string; groupId: string; capacity: number }>();
  for (const childId of new Set(fixture.map((item) => item.childId))) {
    const birth = fixture.find((item) => item.childId === childId)!.childBirthDate!;
    const age = Number(period.startDate.toISOString().slice(0, 4)) - Number(birth.slice(0, 4));
    const group = activity.groups.find((candidate) => candidate.minAge <= age && age <= candidate.maxAge) ?? activity.groups[0]!;
    const enrolment = await prisma.enrolment.create({
      data: {
        childId,
        familyId: fixture[0]!.familyId,
        activityId: activity.id,
        periodId: period.id,
        groupId: group.id,
        status: "ACCEPTED",
        requestedById: accountId,
        decidedAt: now,
      },
    });
    await prisma.activityPeriod.update({ where: { id: period.id }, data: { enrolledCount: { increment: 1 } } });
    const capacity =
      (await prisma.groupCapacity.findFirst({ where: { groupId: group.id, unitId: unit.id }, select: { capacity: true } }))?.capacity ?? 0;
    enrolments.set(childId, { id: enrolment.id, groupId: group.id, capacity });
  }
  for (const item of fixture) {
    const enrolment = enrolments.get(item.childId)!;
    const date = new Date(`${item.date}T00:00:00Z`);
    const cancelled = item.state === "LATE_CANCELLATION";
    const attendance = item.warning
      ? null
      : item.state === "ABSENT_UNJUSTIFIED"
        ? "ABSENT"
        : item.state === "ABSENT_JUSTIFIED"
          ? "ABSENT_EXCUSED"
          : cancelled
            ? null
            : "PRESENT";
    if (!cancelled) {
      await prisma.bookingSlot.upsert({
        where: { groupId_unitId_date: { groupId: enrolment.groupId, unitId: unit.id, date } },
        update: { booked: { increment: 1 } },
        create: { groupId: enrolment.groupId, unitId: unit.id, date, capacity: enrolment.capacity, booked: 1 },
      });
    }
    await prisma.booking.create({
      data: {
        enrolmentId: enrolment.id,
        childId: item.childId,
        familyId: item.familyId,
        activityId: activity.id,
        groupId: enrolment.groupId,
        unitId: unit.id,
        date,
        status: cancelled ? "CANCELLED" : "BOOKED",
        cancelledAt: cancelled ? date : null,
        cancelledLate: cancelled,
        absenceJustified: item.state === "ABSENT_JUSTIFIED",
        attendance,
        changedById: accountId,
      },
    });
  }
  const bookings = await prisma.booking.findMany({
    where: {
      familyId: fixture[0]!.familyId,
      activityId: activity.id,
      date: { gte: new Date(`${fixture[0]!.date}T00:00:00Z`), lte: new Date(`${fixture.at(-1)!.date}T00:00:00Z`) },
    },
    select: BILLABLE_BOOKING_SELECT,
    orderBy: { date: "asc" },
  });
  return billableItems(bookings, now.toISOString().slice(0, 10));
}
