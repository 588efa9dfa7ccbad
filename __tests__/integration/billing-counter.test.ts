import { computeDraft, publishRun } from "@/lib/billing";
import { issueCorrectiveInvoice, issueCreditNote, recordCounterPayment, recordRefund } from "@/lib/billing/counter";
import { getFamilyInvoice } from "@/lib/billing/invoices";
import { regieJournalCsv } from "@/lib/billing/journal";
import { invoicePdf } from "@/lib/billing/pdf";
import { db } from "@/lib/platform/db";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { PDFDocument } from "pdf-lib";
import { billingFamily, billingStaff, canteenItem } from "../support/billing";
import { testPrisma } from "../fixtures/db";

/** The counter: partial payments, credit notes, corrective invoices, refunds, the journal and the PDF. */
const prisma = testPrisma();

afterAll(async () => {
  await prisma.$disconnect();
  await db().$disconnect();
});

async function published(month: string) {
  const staff = await billingStaff(prisma);
  const parent = await billingFamily(prisma);
  const items = [1, 2, 3, 4].map((day) =>
    canteenItem(parent.family.id, parent.children.lea, `${month}-0${day}`, "PRESENT", { serviceCode: "ALSH", unit: "JOURNEE" }),
  );
  const run = await computeDraft(staff, "ENF", month, async () => items);
  await publishRun(staff, run.runId);
  return { staff, parent, invoice: await prisma.invoice.findFirstOrThrow({ where: { runId: run.runId } }) };
}

describe("at the counter", () => {
  it("records partial payments up to the amount, never beyond, concurrently too, and only for staff", async () => {
    const { staff, parent, invoice } = await published("2026-06");
    expect(invoice.amountCents).toBe(4 * 700); // June 2026: the 2025 tariff, bracket B, resident
    await expect(recordCounterPayment(parent.caller, invoice.id, { method: "CASH", amountCents: 100 })).rejects.toThrow(ForbiddenError);
    await recordCounterPayment(staff, invoice.id, { method: "CHEQUE", amountCents: 1000, reference: "Chèque 1234567" });
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paidCents: 1000, status: "ISSUED" });
    // Two agents record the rest at once: one goes through.
    const results = await Promise.allSettled([
      recordCounterPayment(staff, invoice.id, { method: "CASH", amountCents: 1800 }),
      recordCounterPayment(staff, invoice.id, { method: "CESU", amountCents: 1800 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({ paidCents: 2800, status: "PAID" });
    await expect(recordCounterPayment(staff, invoice.id, { method: "CASH", amountCents: 1 })).rejects.toThrow(/dépasse/);
    await expect(recordCounterPayment(staff, invoice.id, { method: "CASH", amountCents: 0 })).rejects.toThrow(/supérieur à 0/);
  });

  it("corrects by credit note (cancelling what is left, the rest refundable) or corrective invoice, never by edit", async () => {
    const { staff, invoice } = await published("2026-05");
    await recordCounterPayment(staff, invoice.id, { method: "CASH", amountCents: 2000 });
    const note = await issueCreditNote(staff, invoice.id, { amountCents: 1500, reason: "Journée annulée par la ville" });
    expect(note.number).toMatch(/^AV-ENF-\d{4}-\d{5}$/);
    expect(note.refundableCents).toBe(700); // 800 were still to pay: cancelled; 700 owed back
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      paidCents: 2000,
      creditedCents: 800,
      status: "PAID",
      amountCents: 2800,
    });
    await expect(issueCreditNote(staff, invoice.id, { amountCents: 1400, reason: "trop" })).rejects.toThrow(/dépasseraient/);
    await expect(recordRefund(staff, note.id, { method: "TRANSFER", amountCents: 701 })).rejects.toThrow(/dépasse/);
    await recordRefund(staff, note.id, { method: "TRANSFER", amountCents: 700, reference: "VIR-2026-11" });
    const corrective = await issueCorrectiveInvoice(staff, invoice.id, { amountCents: 350, reason: "Repas oublié le 12" });
    expect(corrective.number).toMatch(/^ENF-\d{4}-\d{5}$/);

    const today = new Date().toISOString().slice(0, 10);
    const csv = await regieJournalCsv(staff, "ENF", "2026-01-01", today);
    expect(csv.startsWith("\uFEFFdate;regie;type;numero;dossier_famille;periode;mode;reference;debit;credit\r\n")).toBe(true);
    const rows = csv.trim().split("\r\n");
    expect(rows.some((row) => row.includes(`;facture;${invoice.number};`) && row.endsWith(";28,00;"))).toBe(true);
    expect(rows.some((row) => row.includes(`;avoir;${note.number};`) && row.endsWith(";;15,00"))).toBe(true);
    expect(rows.some((row) => row.includes(";paiement;") && row.includes("Espèces") && row.endsWith(";;20,00"))).toBe(true);
    expect(rows.some((row) => row.includes(";remboursement;") && row.includes("VIR-2026-11") && row.endsWith(";7,00;"))).toBe(true);
    expect(await prisma.auditLog.count({ where: { actorId: staff.id, action: "billing.journal-exported" } })).toBe(1);
  });

  it("gives the invoice's PDF to its family only", async () => {
    const { parent, invoice } = await published("2026-07");
    const other = await billingFamily(prisma);
    expect(await getFamilyInvoice(other.account.id, invoice.id)).toBeNull();
    const own = await getFamilyInvoice(parent.account.id, invoice.id);
    const bytes = await invoicePdf(own!);
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getTitle()).toBe(`Facture ${invoice.number}`);
    expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1);
  });
});
