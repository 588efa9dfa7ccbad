import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { billingConfig, dayString } from "./config";
import type { FamilyPricing } from "./pricing";

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

/** What pricing needs to know of a family: whether it lives in the town, and its valid quotients. */
export async function familyPricing(familyId: string, client: Client = db()): Promise<FamilyPricing> {
  const [holder, quotients] = await Promise.all([
    client.familyMember.findFirst({ where: { familyId, role: "HOLDER" }, select: { postalCode: true, city: true } }),
    client.quotientFamilial.findMany({
      where: { familyId, status: "VALID", value: { not: null } },
      select: { value: true, validFrom: true, validUntil: true },
    }),
  ]);
  return {
    resident: isResident(holder),
    quotients: quotients.map((quotient) => ({
      value: quotient.value ?? 0,
      validFrom: dayString(quotient.validFrom),
      validUntil: dayString(quotient.validUntil),
    })),
  };
}

export function isResident(address: { postalCode: string | null; city: string | null } | null): boolean {
  if (!address) return false;
  const config = billingConfig();
  const city = (address.city ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .trim();
  return config.residentPostalCodes.includes((address.postalCode ?? "").trim()) && (city === "" || config.residentCities.includes(city));
}

/** The addresses a family's mails go to: its parents' active accounts. */
export async function familyEmails(familyId: string, client: Client = db()): Promise<string[]> {
  const accounts = await client.account.findMany({ where: { familyId, status: "ACTIVE" }, select: { email: true } });
  return [...new Set(accounts.map((account) => account.email))];
}
