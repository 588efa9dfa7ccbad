import "server-only";
import { db } from "@/lib/platform/db";

/**
 * What a parent reads of their family's invoices: published ones only, and only their own family's (the
 * account must belong to the invoice's family; anything else is "not found").
 */
export async function listFamilyInvoices(accountId: string) {
  return db().invoice.findMany({
    where: { status: { not: "DRAFT" }, family: { accounts: { some: { id: accountId, status: "ACTIVE" } } } },
    orderBy: [{ issuedAt: "desc" }],
    take: 60,
    select: {
      id: true,
      number: true,
      kind: true,
      regie: true,
      period: true,
      amountCents: true,
      paidCents: true,
      creditedCents: true,
      status: true,
      dueDate: true,
      issuedAt: true,
      correctsId: true,
    },
  });
}

export async function getFamilyInvoice(accountId: string, invoiceId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(invoiceId)) return null;
  return db().invoice.findFirst({
    where: { id: invoiceId, status: { not: "DRAFT" }, family: { accounts: { some: { id: accountId, status: "ACTIVE" } } } },
    include: {
      lines: { where: { excluded: false }, orderBy: [{ position: "asc" }] },
      payments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, method: true, status: true, amountCents: true, createdAt: true, settledAt: true },
      },
      corrects: { select: { id: true, number: true } },
      corrections: { where: { status: { not: "DRAFT" } }, select: { id: true, number: true, kind: true, amountCents: true } },
      family: {
        select: {
          dossierNumber: true,
          members: {
            where: { role: { in: ["HOLDER", "CO_REPRESENTATIVE"] } },
            select: {
              role: true,
              civility: true,
              firstName: true,
              usageName: true,
              streetNumber: true,
              streetName: true,
              postalCode: true,
              city: true,
            },
          },
        },
      },
    },
  });
}

export type FamilyInvoice = NonNullable<Awaited<ReturnType<typeof getFamilyInvoice>>>;

export function remainingCents(invoice: { amountCents: number; paidCents: number; creditedCents: number }): number {
  return invoice.amountCents - invoice.paidCents - invoice.creditedCents;
}

/** Lines grouped by child, in order, for the page and the PDF. */
export function linesByChild<T extends { childName: string }>(lines: T[]): { child: string; lines: T[] }[] {
  const groups: { child: string; lines: T[] }[] = [];
  for (const line of lines) {
    const group = groups.find((candidate) => candidate.child === line.childName);
    if (group) group.lines.push(line);
    else groups.push({ child: line.childName, lines: [line] });
  }
  return groups;
}
