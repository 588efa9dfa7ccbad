import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { BillableItem, BillableStateCode } from "@/lib/billing/types";

/**
 * A family with a parent account and two children, a staff member, and billable items built by hand: the input
 * billing receives from reservations, without the reservations tables.
 */
export async function billingFamily(prisma: PrismaClient, options: { resident?: boolean; quotient?: number | null } = {}) {
  const suffix = randomUUID().slice(0, 8);
  const family = await prisma.family.create({ data: { dossierNumber: `F-TEST-${suffix}` } });
  const account = await prisma.account.create({
    data: {
      login: `billing.${suffix}`,
      email: `billing.${suffix}@example.org`,
      emailVerifiedAt: new Date(),
      passwordHash: "unused",
      status: "ACTIVE",
      activatedAt: new Date(),
      civility: "MADAME",
      usageName: "FACTURE",
      firstNames: "Claire",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
      familyId: family.id,
    },
  });
  const resident = options.resident ?? true;
  await prisma.familyMember.create({
    data: {
      familyId: family.id,
      role: "HOLDER",
      accountId: account.id,
      usageName: "FACTURE",
      firstName: "Claire",
      postalCode: resident ? "33560" : "33000",
      city: resident ? "Carbon-Blanc" : "Bordeaux",
    },
  });
  const lea = await prisma.familyMember.create({
    data: { familyId: family.id, role: "CHILD", usageName: "FACTURE", firstName: "Léa", birthDate: new Date("2017-04-03") },
  });
  const tom = await prisma.familyMember.create({
    data: { familyId: family.id, role: "CHILD", usageName: "FACTURE", firstName: "Tom", birthDate: new Date("2020-09-10") },
  });
  if (options.quotient !== null) {
    await prisma.quotientFamilial.create({
      data: {
        familyId: family.id,
        value: options.quotient ?? 700,
        source: "ATTESTATION",
        status: "VALID",
        validFrom: new Date("2026-01-01"),
        validUntil: new Date("2026-12-31"),
      },
    });
  }
  return { family, account, children: { lea, tom }, caller: { kind: "parent" as const, id: account.id } };
}

export async function billingStaff(prisma: PrismaClient) {
  const suffix = randomUUID().slice(0, 8);
  const staff = await prisma.staffUser.create({
    data: {
      login: `billing.${suffix}`,
      email: `billing.${suffix}@example.org`,
      displayName: `Régisseur ${suffix}`,
      passwordHash: "x",
      role: "AGENT",
    },
  });
  return { kind: "staff" as const, id: staff.id };
}

export function canteenItem(
  familyId: string,
  child: { id: string; firstName: string; birthDate: Date | null },
  date: string,
  state: BillableStateCode = "PRESENT",
  overrides: Partial<BillableItem> = {},
): BillableItem {
  return {
    sourceId: randomUUID(),
    familyId,
    childId: child.id,
    childName: `${child.firstName} FACTURE`,
    childBirthDate: child.birthDate?.toISOString().slice(0, 10) ?? null,
    date,
    serviceCode: "RESTAURATION",
    activityCode: "restauration-scolaire",
    activityName: "Restauration scolaire",
    unit: "REPAS",
    unitLabel: "Repas",
    state,
    ...overrides,
  };
}
