/**
 * Billing demo (issue #17), idempotent: the family FACTURE (two children, quotient familial 720 € from the
 * CAF), a published invoice of two months ago to pay online, and last month's bookings computed into a
 * draft for staff to review and publish. Until the reservations demo holds bookings, the billable items come
 * from this file's own fixture (demoMonthItems), through the same pricing as a real run.
 */
import type { PrismaClient } from "../lib/generated/prisma/client";
import { demoParentWithInvoices } from "../lib/platform/demo/accounts";
import { priceMonth } from "../lib/billing/pricing";
import { carbonBlancBilling } from "../lib/billing/tariffs/carbon-blanc";
import type { BillableItem, BillableStateCode } from "../lib/billing/types";

const REGIE = "RES";

function monthOf(now: Date, back: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}

/** A month of school days: lunch for both children on Mon, Tue, Thu, Fri, with a few absences. */
export function demoMonthItems(familyId: string, children: { id: string; name: string; birthDate: string }[], month: string): BillableItem[] {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const items: BillableItem[] = [];
  for (let day = 1; day <= days; day += 1) {
    const date = new Date(Date.UTC(year, monthNumber - 1, day));
    const weekday = date.getUTCDay();
    if (![1, 2, 4, 5].includes(weekday)) continue;
    const iso = date.toISOString().slice(0, 10);
    for (const [index, child] of children.entries()) {
      let state: BillableStateCode = "PRESENT";
      let warning: string | undefined;
      if (day === 8 && index === 0) state = "ABSENT_JUSTIFIED";
      if (day === 9 && index === 1) state = "ABSENT_UNJUSTIFIED";
      if (day === 15 && index === 0) state = "LATE_CANCELLATION";
      if (day === 22 && index === 1) warning = "Pointage non saisi : facturé comme présent, à vérifier.";
      items.push({ sourceId: `demo-${child.id}-${iso}`, familyId, childId: child.id, childName: child.name, childBirthDate: child.birthDate, date: iso, serviceCode: "RESTAURATION", activityCode: "restauration-scolaire", activityName: "Restauration scolaire", unit: "REPAS", unitLabel: "Repas", state, warning });
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
  await prisma.familyMember.create({ data: { familyId: family.id, role: "HOLDER", accountId: account.id, civility: "MADAME", usageName: "FACTURE", firstName: "Claire", streetNumber: "12", streetName: "rue de la Mairie", postalCode: "33560", city: "Carbon-Blanc", email: demoParentWithInvoices.email } });
  const lea = await prisma.familyMember.create({ data: { familyId: family.id, role: "CHILD", usageName: "FACTURE", firstName: "Léa", sex: "FEMININ", birthDate: new Date("2017-04-03") } });
  const tom = await prisma.familyMember.create({ data: { familyId: family.id, role: "CHILD", usageName: "FACTURE", firstName: "Tom", sex: "MASCULIN", birthDate: new Date("2020-09-10") } });
  const year = now.getUTCFullYear();
  await prisma.quotientFamilial.create({
    data: { familyId: family.id, value: 720, source: "API_PARTICULIER", status: "VALID", provider: "CNAF", referenceMonth: `${year - 1}-12`, validFrom: new Date(`${year - 1}-01-01`), validUntil: new Date(`${year}-12-31`), accountId: account.id },
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
    const priced = priceMonth(demoMonthItems(family.id, children, month), { resident: true, quotients }, carbonBlancBilling.tariffs);
    const due = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 30));
    const run = await prisma.billingRun.upsert({ where: { regie_month: { regie: REGIE, month } }, update: {}, create: { regie: REGIE, month, dueDate: due } });
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
          create: priced.lines.map((line, position) => ({ childId: line.childId, childName: line.childName, date: new Date(line.date), activityCode: line.activityCode, label: line.label, state: line.state, unitPriceCents: line.unitPriceCents, reductionCents: line.reductionCents, amountCents: line.amountCents, pricing: line.pricing, warning: line.warning, sourceId: line.sourceId, position })),
        },
      },
    });
    if (publish) {
      const [counter] = await prisma.$queryRaw<{ last: number }[]>`
        INSERT INTO invoice_counters (regie, kind, year, last) VALUES (${REGIE}, 'INVOICE'::"InvoiceKind", ${year}, 1)
        ON CONFLICT (regie, kind, year) DO UPDATE SET last = invoice_counters.last + 1 RETURNING last`;
      await prisma.invoice.update({ where: { id: invoice.id }, data: { number: `${REGIE}-${year}-${String(counter?.last ?? 1).padStart(5, "0")}`, status: "ISSUED", issuedAt: now } });
      await prisma.billingRun.update({ where: { id: run.id }, data: { status: "PUBLISHED", publishedAt: now } });
    }
  }
}
