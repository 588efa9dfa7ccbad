import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { collectBillableItems } from "./collector";
import { billingConfig, dateOf, monthBounds, MONTH_PATTERN, regieOf } from "./config";
import { familyPricing } from "./family-context";
import { queueInvoicePublishedMails } from "./mails";
import { priceMonth } from "./pricing";
import type { Regie } from "./tariffs";
import type { BillableItem } from "./types";

/**
 * Billing runs ("campagnes"): a month of a régie computed into draft invoices, reviewed line by line by staff,
 * then published. Publication numbers the invoices per régie without gaps: the counter row is incremented in
 * the publishing transaction, so two publications (or two servers) queue on that row and a failed one gives
 * its numbers back by rolling back.
 */
export type BillableSource = (regie: Regie, month: string) => Promise<BillableItem[]>;

function parseRun(regieCode: string, month: string): Regie {
  const regie = regieOf(regieCode);
  if (!regie) throw new ExpectedError("Régie inconnue.", "regie");
  if (!MONTH_PATTERN.test(month)) throw new ExpectedError("Le mois doit être au format aaaa-mm.", "month");
  return regie;
}

/** Due date: `paymentDays` after the end of the month billed. */
function dueDateFor(regie: Regie, month: string): Date {
  const due = dateOf(monthBounds(month).last);
  due.setUTCDate(due.getUTCDate() + regie.paymentDays);
  return due;
}

/**
 * Computes (or recomputes) the draft of a month: one draft invoice per family with a line per billable item
 * not yet on a published invoice. A published run is never recomputed.
 */
export async function computeDraft(caller: Caller, regieCode: string, month: string, source: BillableSource = collectBillableItems) {
  const actor = await authorizeStaff(caller);
  const regie = parseRun(regieCode, month);
  const items = (await source(regie, month)).filter((item) => regie.serviceCodes.includes(item.serviceCode) && item.date.startsWith(month));
  const tariffs = billingConfig().tariffs;
  return db().$transaction(async (tx) => {
    await tx.billingRun.upsert({
      where: { regie_month: { regie: regie.code, month } },
      create: { regie: regie.code, month, dueDate: dueDateFor(regie, month), createdById: actor.id },
      update: {},
    });
    // Serialises two computations or a computation and a publication of the same run.
    const [run] = await tx.$queryRaw<
      { id: string; status: string }[]
    >`SELECT id, status::text FROM billing_runs WHERE regie = ${regie.code} AND month = ${month} FOR UPDATE`;
    if (!run) throw new Error("billing run vanished");
    if (run.status !== "DRAFT")
      throw new ExpectedError("Cette campagne est déjà publiée : une correction passe par un avoir ou une facture rectificative.");
    await tx.invoice.deleteMany({ where: { runId: run.id, status: "DRAFT" } });
    const billed = new Set(
      (
        await tx.invoiceLine.findMany({
          where: { sourceId: { in: items.map((item) => item.sourceId) }, invoice: { status: { not: "DRAFT" } } },
          select: { sourceId: true },
        })
      ).map((line) => line.sourceId),
    );
    const byFamily = new Map<string, BillableItem[]>();
    for (const item of items) {
      if (billed.has(item.sourceId)) continue;
      byFamily.set(item.familyId, [...(byFamily.get(item.familyId) ?? []), item]);
    }
    let invoices = 0;
    let warnings = 0;
    for (const [familyId, familyItems] of byFamily) {
      const priced = priceMonth(familyItems, await familyPricing(familyId, tx), tariffs);
      warnings += priced.lines.filter((line) => line.warning).length;
      await tx.invoice.create({
        data: {
          regie: regie.code,
          runId: run.id,
          familyId,
          period: month,
          amountCents: priced.totalCents,
          quotientValue: priced.quotient,
          quotientBracket: priced.bracketLabel,
          dueDate: dueDateFor(regie, month),
          lines: {
            create: priced.lines.map((line, position) => ({
              childId: line.childId,
              childName: line.childName,
              date: dateOf(line.date),
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
      invoices += 1;
    }
    await tx.billingRun.update({ where: { id: run.id }, data: { computedAt: new Date() } });
    await audit(
      {
        ...staffAudit(actor),
        action: "billing.draft-computed",
        targetType: "billingRun",
        targetId: run.id,
        details: { regie: regie.code, month, invoices, warnings },
      },
      tx,
    );
    return { runId: run.id, invoices, warnings };
  });
}

async function lockDraftLine(tx: Prisma.TransactionClient, lineId: string) {
  const [line] = await tx.$queryRaw<{ invoiceId: string; status: string }[]>`
    SELECT l."invoiceId", i.status::text FROM invoice_lines l JOIN invoices i ON i.id = l."invoiceId" WHERE l.id = ${lineId}::uuid FOR UPDATE OF i`;
  if (!line) throw new ExpectedError("Ligne introuvable.");
  if (line.status !== "DRAFT")
    throw new ExpectedError("Cette facture est publiée : elle ne se modifie plus (avoir ou facture rectificative).");
  return line.invoiceId;
}

async function refreshDraftTotal(tx: Prisma.TransactionClient, invoiceId: string) {
  const sum = await tx.invoiceLine.aggregate({ where: { invoiceId, excluded: false }, _sum: { amountCents: true } });
  await tx.invoice.update({ where: { id: invoiceId }, data: { amountCents: sum._sum.amountCents ?? 0 } });
}

/** A staff correction of a draft line: a new amount with its reason, or the line left out. */
export async function correctDraftLine(
  caller: Caller,
  lineId: string,
  change: { amountCents: number; reason: string } | { exclude: boolean; reason: string },
) {
  const actor = await authorizeStaff(caller);
  if (!change.reason.trim()) throw new ExpectedError("Indiquez le motif de la correction.", "reason");
  if ("amountCents" in change && (!Number.isSafeInteger(change.amountCents) || change.amountCents < 0))
    throw new ExpectedError("Montant invalide.", "amount");
  return db().$transaction(async (tx) => {
    const invoiceId = await lockDraftLine(tx, lineId);
    await tx.invoiceLine.update({
      where: { id: lineId },
      data:
        "amountCents" in change
          ? { amountCents: change.amountCents, reductionCents: 0, correction: change.reason.trim(), warning: null }
          : { excluded: change.exclude, correction: change.reason.trim(), warning: null },
    });
    await refreshDraftTotal(tx, invoiceId);
    await audit(
      { ...staffAudit(actor), action: "billing.draft-line-corrected", targetType: "invoiceLine", targetId: lineId, details: { ...change } },
      tx,
    );
    return invoiceId;
  });
}

/** Gives the next number of a régie's document kind for the year, in the caller's transaction. */
export async function nextNumber(
  tx: Prisma.TransactionClient,
  regie: string,
  kind: "INVOICE" | "CREDIT_NOTE",
  year: number,
): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO invoice_counters (regie, kind, year, last) VALUES (${regie}, ${kind}::"InvoiceKind", ${year}, 1)
    ON CONFLICT (regie, kind, year) DO UPDATE SET last = invoice_counters.last + 1
    RETURNING last`;
  if (!row) throw new Error("invoice counter not incremented");
  return `${kind === "CREDIT_NOTE" ? "AV-" : ""}${regie}-${year}-${String(row.last).padStart(5, "0")}`;
}

/**
 * Publishes a run: each draft with something to pay gets its number and becomes immutable; the parents are
 * mailed in the same transaction (the mail queue delivers after the commit). Empty drafts are dropped.
 */
export async function publishRun(caller: Caller, runId: string) {
  const actor = await authorizeStaff(caller);
  const published = await db().$transaction(async (tx) => {
    const claimed = await tx.billingRun.updateMany({
      where: { id: runId, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: new Date(), publishedById: actor.id },
    });
    if (claimed.count === 0) throw new ExpectedError("Cette campagne est déjà publiée (ou n'existe pas).");
    await tx.invoice.deleteMany({ where: { runId, status: "DRAFT", amountCents: 0 } });
    const drafts = await tx.invoice.findMany({
      where: { runId, status: "DRAFT" },
      orderBy: [{ familyId: "asc" }],
      select: { id: true, regie: true, familyId: true },
    });
    const year = new Date().getUTCFullYear();
    const ids: string[] = [];
    for (const draft of drafts) {
      await tx.invoiceLine.deleteMany({ where: { invoiceId: draft.id, excluded: true } });
      const number = await nextNumber(tx, draft.regie, "INVOICE", year);
      await tx.invoice.update({ where: { id: draft.id }, data: { number, status: "ISSUED", issuedAt: new Date() } });
      ids.push(draft.id);
    }
    await queueInvoicePublishedMails(tx, ids);
    await audit(
      {
        ...staffAudit(actor),
        action: "billing.run-published",
        targetType: "billingRun",
        targetId: runId,
        details: { invoices: ids.length },
      },
      tx,
    );
    return ids;
  });
  return { invoices: published.length };
}

export async function listRuns(caller: Caller) {
  const actor = await authorizeStaff(caller);
  const runs = await db().billingRun.findMany({
    orderBy: [{ month: "desc" }, { regie: "asc" }],
    take: 48,
    include: { _count: { select: { invoices: true } } },
  });
  await audit({ ...staffAudit(actor), action: "billing.runs-listed" });
  return runs;
}

/** A run with its invoices and lines, for the review; each opening is in the audit log. */
export async function getRunForReview(caller: Caller, runId: string) {
  const actor = await authorizeStaff(caller);
  const run = await db().billingRun.findUnique({
    where: { id: runId },
    include: {
      invoices: {
        orderBy: { createdAt: "asc" },
        include: {
          family: { select: { dossierNumber: true, members: { where: { role: "HOLDER" }, select: { usageName: true, firstName: true } } } },
          lines: { orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (!run) return null;
  await audit({ ...staffAudit(actor), action: "billing.run-viewed", targetType: "billingRun", targetId: runId });
  return run;
}
