import { computeDraft, publishRun, settleOnlinePayment, startOnlinePayment } from "@/lib/billing";
import { sweepPendingPayments } from "@/lib/billing/online-payment";
import { db } from "@/lib/platform/db";
import { POST as notification } from "@/app/api/paiement/payfip/notification/route";
import { startPayfipStandin, type PayfipStandin } from "../../scripts/payfip-standin";
import { billingFamily, billingStaff, canteenItem } from "../support/billing";
import { testPrisma } from "../fixtures/db";

/**
 * Online payment through the local PayFiP stand-in (real SOAP over HTTP): paid, refused, abandoned, expired,
 * duplicate and forged notifications, and two attempts at once on one invoice.
 */
const prisma = testPrisma();
let payfip: PayfipStandin;
let month = 0;

beforeAll(async () => {
  payfip = await startPayfipStandin();
  process.env.PAYFIP_BASE_URL = payfip.url;
});

afterAll(async () => {
  await payfip.stop();
  await prisma.$disconnect();
  await db().$disconnect();
});

async function publishedInvoice() {
  const staff = await billingStaff(prisma);
  const parent = await billingFamily(prisma);
  month += 1;
  const period = `2027-${String(month).padStart(2, "0")}`; // months no other test file bills (the database is shared by the run)
  const items = [canteenItem(parent.family.id, parent.children.lea, `${period}-05`, "PRESENT", { serviceCode: "ALSH", unit: "JOURNEE" })];
  const run = await computeDraft(staff, "ENF", period, async () => items);
  await publishRun(staff, run.runId);
  const invoice = await prisma.invoice.findFirstOrThrow({ where: { runId: run.runId, familyId: parent.family.id } });
  return { parent, invoice };
}

function idOpOf(redirectUrl: string): string {
  return new URL(redirectUrl).searchParams.get("idop")!;
}

function notify(idOp: string) {
  return notification(
    new Request("http://portal/api/paiement/payfip/notification", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `idop=${idOp}`,
    }),
  );
}

describe("paying an invoice with PayFiP", () => {
  it("writes the payment before the redirect, then settles it once from PayFiP's answer, whatever the notifications", async () => {
    const { parent, invoice } = await publishedInvoice();
    const start = await startOnlinePayment(parent.account.id, invoice.id);
    expect(start.redirectUrl).toContain(`${payfip.url}/tpa/paiementws.web?idop=`);
    const idOp = idOpOf(start.redirectUrl);
    const pending = await prisma.payment.findUniqueOrThrow({ where: { idOp } });
    expect(pending).toMatchObject({ status: "PENDING", amountCents: invoice.amountCents, pendingInvoiceId: invoice.id, method: "PAYFIP" });
    const sent = payfip.operations.get(idOp)!.request;
    expect(sent).toMatchObject({ numcli: "012345", saisie: "T", montant: invoice.amountCents, refdet: invoice.number!.replace(/-/g, "") });
    expect(sent.objet).toMatch(/^[A-Za-z0-9 ]+$/);

    // A notification before the payer finishes changes nothing (PayFiP answers P5).
    expect((await notify(idOp)).status).toBe(200);
    expect((await prisma.payment.findUniqueOrThrow({ where: { idOp } })).status).toBe("PENDING");

    await payfip.decide(idOp, "P", false);
    const responses = await Promise.all([notify(idOp), notify(idOp), settleOnlinePayment(idOp), notify(idOp)]);
    expect(responses[2]).toBe("SUCCEEDED");
    const paid = await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } });
    expect(paid).toMatchObject({ status: "PAID", paidCents: invoice.amountCents });
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id, status: "SUCCEEDED" } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "billing.online-payment-succeeded", targetId: pending.id } })).toBe(1);

    // Paid: no second payment.
    await expect(startOnlinePayment(parent.account.id, invoice.id)).rejects.toThrow(/n'est pas à payer/);
  });

  it("records a refused card and an abandon, and lets the parent try again", async () => {
    const { parent, invoice } = await publishedInvoice();
    const first = idOpOf((await startOnlinePayment(parent.account.id, invoice.id)).redirectUrl);
    await payfip.decide(first, "R", false);
    expect(await settleOnlinePayment(first)).toBe("REFUSED");
    const second = idOpOf((await startOnlinePayment(parent.account.id, invoice.id)).redirectUrl);
    expect(second).not.toBe(first);
    await payfip.decide(second, "A", false);
    expect(await settleOnlinePayment(second)).toBe("ABANDONED");
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("ISSUED");
    expect(
      (await prisma.payment.findMany({ where: { invoiceId: invoice.id }, orderBy: { createdAt: "asc" } })).map((payment) => payment.status),
    ).toEqual(["REFUSED", "ABANDONED"]);
  });

  it("reuses a pending attempt, and closes it as expired after PayFiP's 15 minutes", async () => {
    const { parent, invoice } = await publishedInvoice();
    const first = await startOnlinePayment(parent.account.id, invoice.id);
    const again = await startOnlinePayment(parent.account.id, invoice.id);
    expect(again).toMatchObject({ reused: true, paymentId: first.paymentId, redirectUrl: first.redirectUrl });

    const idOp = idOpOf(first.redirectUrl);
    payfip.age(idOp, 16 * 60_000);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await settleOnlinePayment(idOp, later)).toBe("EXPIRED");
    const fresh = await startOnlinePayment(parent.account.id, invoice.id, later);
    expect(fresh.reused).toBe(false);
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).status).toBe("EXPIRED");
  });

  it("settles a payment whose notification was lost, once, from the worker's sweep", async () => {
    const { parent, invoice } = await publishedInvoice();
    const idOp = idOpOf((await startOnlinePayment(parent.account.id, invoice.id)).redirectUrl);
    await payfip.decide(idOp, "V", false); // paid, the notification never arrives, the payer closed the tab
    expect(await sweepPendingPayments(new Date())).not.toHaveProperty("SUCCEEDED"); // too recent: left alone
    const later = new Date(Date.now() + 6 * 60_000);
    const sweeps = await Promise.all([sweepPendingPayments(later), sweepPendingPayments(later)]);
    expect(sweeps.some((outcomes) => (outcomes.SUCCEEDED ?? 0) >= 1)).toBe(true);
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).toMatchObject({
      status: "PAID",
      paidCents: invoice.amountCents,
    });
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id, status: "SUCCEEDED" } })).toBe(1);
  });

  it("creates one pending payment when a parent double-clicks (concurrent attempts)", async () => {
    const { parent, invoice } = await publishedInvoice();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => startOnlinePayment(parent.account.id, invoice.id)));
    expect(await prisma.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    const started = results.filter(
      (result): result is PromiseFulfilledResult<Awaited<ReturnType<typeof startOnlinePayment>>> => result.status === "fulfilled",
    );
    expect(started.length).toBeGreaterThanOrEqual(1);
    for (const result of results) if (result.status === "rejected") expect(String(result.reason)).toMatch(/déjà en cours/);
  });

  it("refuses another family's invoice and ignores unknown or forged idOps", async () => {
    const { invoice } = await publishedInvoice();
    const other = await billingFamily(prisma);
    await expect(startOnlinePayment(other.account.id, invoice.id)).rejects.toThrow(/introuvable/);
    expect(await settleOnlinePayment("0".repeat(32))).toBeNull();
    expect(await settleOnlinePayment("<script>")).toBeNull();
    expect((await notify("nope")).status).toBe(200);
  });
});
