import { ExpectedError } from "@/lib/platform/errors";
import { computeDraft, correctDraftLine, publishRun } from "@/lib/billing";
import { sendDueReminders } from "@/lib/billing/mails";
import { db } from "@/lib/platform/db";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { billingFamily, billingStaff, canteenItem } from "../support/billing";
import { testPrisma } from "../fixtures/db";

/** Billing runs on a real database: draft, review, corrections, gapless publication, immutability, mails. */
const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

describe("a month's billing run", () => {
  it("drafts one invoice per family with a line per item, lets staff correct it, then publishes it numbered and immutable", async () => {
    const staff = await billingStaff(prisma);
    const { family, children, account } = await billingFamily(prisma, { quotient: 700 });
    const items = [
      canteenItem(family.id, children.lea, "2026-03-02"),
      canteenItem(family.id, children.lea, "2026-03-03", "ABSENT_UNJUSTIFIED"),
      canteenItem(family.id, children.tom, "2026-03-02", "ABSENT_JUSTIFIED"),
      canteenItem(family.id, children.tom, "2026-03-03", "PRESENT", { warning: "Pointage non saisi : facturé comme présent, à vérifier." }),
      canteenItem(family.id, children.tom, "2026-04-01"), // another month: left out
      canteenItem(family.id, children.tom, "2026-03-04", "PRESENT", { serviceCode: "ALSH", unit: "JOURNEE" }), // another régie
    ];
    const draft = await computeDraft(staff, "RES", "2026-03", async () => items);
    expect(draft).toMatchObject({ invoices: 1, warnings: 1 });
    const invoice = await prisma.invoice.findFirstOrThrow({
      where: { runId: draft.runId, familyId: family.id },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    expect(invoice.status).toBe("DRAFT");
    expect(invoice.number).toBeNull();
    expect(invoice.quotientValue).toBe(700);
    expect(invoice.quotientBracket).toContain("Tranche B");
    // 2025-09 tariff, bracket B resident: 210; Tom is the 2nd child (-10 %: 189); justified absence 0
    expect(invoice.lines.map((line) => [line.childName, line.state, line.amountCents])).toEqual([
      ["Léa FACTURE", "PRESENT", 210],
      ["Léa FACTURE", "ABSENT_UNJUSTIFIED", 210],
      ["Tom FACTURE", "ABSENT_JUSTIFIED", 0],
      ["Tom FACTURE", "PRESENT", 189],
    ]);
    expect(invoice.amountCents).toBe(609);

    // Recomputing replaces the draft (nothing doubles).
    const again = await computeDraft(staff, "RES", "2026-03", async () => items);
    expect(again.runId).toBe(draft.runId);
    const drafts = await prisma.invoice.findMany({ where: { runId: draft.runId } });
    expect(drafts).toHaveLength(1);
    const draftInvoice = drafts[0]!;
    const warned = await prisma.invoiceLine.findFirstOrThrow({ where: { invoiceId: draftInvoice.id, warning: { not: null } } });
    await correctDraftLine(staff, warned.id, { exclude: true, reason: "Tom était en sortie scolaire" });
    const unjustified = await prisma.invoiceLine.findFirstOrThrow({ where: { invoiceId: draftInvoice.id, state: "ABSENT_UNJUSTIFIED" } });
    await correctDraftLine(staff, unjustified.id, { amountCents: 105, reason: "Geste commercial : moitié prix" });
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: draftInvoice.id } })).amountCents).toBe(315);
    await expect(correctDraftLine(staff, unjustified.id, { amountCents: 100, reason: " " })).rejects.toThrow(ExpectedError);
    await expect(correctDraftLine({ kind: "parent", id: account.id }, unjustified.id, { amountCents: 0, reason: "x" })).rejects.toThrow(
      ForbiddenError,
    );

    await publishRun(staff, draft.runId);
    const published = await prisma.invoice.findUniqueOrThrow({ where: { id: draftInvoice.id }, include: { lines: true } });
    expect(published.status).toBe("ISSUED");
    expect(published.number).toMatch(/^RES-\d{4}-\d{5}$/);
    expect(published.lines).toHaveLength(3); // the excluded line is gone
    expect(published.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(published.amountCents);
    const mail = await prisma.queuedMail.findFirst({ where: { to: account.email, tag: "invoice-published" } });
    expect(mail?.text).toContain(published.number!);
    expect(mail?.text).toContain("3,15");

    // Published: no recomputation, no second publication, no edit (the database refuses it too).
    await expect(computeDraft(staff, "RES", "2026-03", async () => items)).rejects.toThrow(/déjà publiée/);
    await expect(publishRun(staff, draft.runId)).rejects.toThrow(/déjà publiée/);
    await expect(correctDraftLine(staff, unjustified.id, { amountCents: 1, reason: "trop tard" })).rejects.toThrow(/publiée/);
    await expect(prisma.invoice.update({ where: { id: published.id }, data: { amountCents: 1 } })).rejects.toThrow(/immutable/);
    await expect(prisma.invoiceLine.update({ where: { id: unjustified.id }, data: { amountCents: 1 } })).rejects.toThrow(/immutable/);
    await expect(prisma.invoice.delete({ where: { id: published.id } })).rejects.toThrow(/cannot be deleted/);

    // A published item is never billed twice, even if the month's draft is computed for a new run later.
    const next = await computeDraft(staff, "RES", "2026-04", async () => items);
    const april = await prisma.invoice.findFirstOrThrow({ where: { runId: next.runId }, include: { lines: true } });
    expect(april.lines).toHaveLength(1);
  });

  it("numbers concurrent publications without gap or duplicate", async () => {
    const staff = await billingStaff(prisma);
    const months = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-05"]; // months with a tariff (before September 2025 there is none: empty drafts are dropped)
    const runs: string[] = [];
    for (const month of months) {
      const families = await Promise.all([billingFamily(prisma), billingFamily(prisma)]);
      const items = families.flatMap(({ family, children }) => [
        canteenItem(family.id, children.lea, `${month}-10`),
        canteenItem(family.id, children.tom, `${month}-11`),
      ]);
      runs.push((await computeDraft(staff, "RES", month, async () => items)).runId);
    }
    const before = await prisma.invoice.count({ where: { regie: "RES", number: { not: null } } });
    const results = await Promise.allSettled([...runs, ...runs].map((runId) => publishRun(staff, runId)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(runs.length);
    const numbers = (await prisma.invoice.findMany({ where: { regie: "RES", number: { not: null } }, select: { number: true } })).map(
      (invoice) => Number(invoice.number!.split("-")[2]),
    );
    expect(numbers).toHaveLength(before + runs.length * 2);
    expect(new Set(numbers).size).toBe(numbers.length);
    const sorted = [...numbers].sort((a, b) => a - b);
    expect(sorted).toEqual(Array.from({ length: sorted.length }, (_, index) => index + 1));
  });

  it("reminds each unpaid invoice once, a few days before its due date", async () => {
    const staff = await billingStaff(prisma);
    const { family, children, account } = await billingFamily(prisma);
    const run = await computeDraft(staff, "ENF", "2026-02", async () => [
      canteenItem(family.id, children.lea, "2026-02-04", "PRESENT", { serviceCode: "ALSH", unit: "JOURNEE" }),
    ]);
    await publishRun(staff, run.runId);
    const invoice = await prisma.invoice.findFirstOrThrow({ where: { runId: run.runId } });
    const dayBefore = new Date(invoice.dueDate.getTime() - 2 * 24 * 3600 * 1000);
    const [first, second] = await Promise.all([sendDueReminders(dayBefore), sendDueReminders(dayBefore)]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(await prisma.queuedMail.count({ where: { to: account.email, tag: "invoice-reminder" } })).toBe(1);
  });
});
