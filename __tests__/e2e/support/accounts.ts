import { PrismaPg } from "@prisma/adapter-pg";
import { hash } from "@node-rs/argon2";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { unique } from "./journeys";

/**
 * Test accounts created straight in the test database (the account journey itself is covered by
 * account.test.ts): activated parents with a known password.
 */
let prisma: PrismaClient | undefined;
export function e2ePrisma(): PrismaClient {
  prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
  return prisma;
}

export interface TestParent {
  id: string;
  login: string;
  password: string;
  email: string;
}

export async function createActiveParent(overrides: { usageName?: string; firstNames?: string } = {}): Promise<TestParent> {
  const id = unique();
  const login = `parent.${id}`;
  const password = "Tulipes-et-Roses-7";
  const email = `${login}@example.org`;
  const account = await e2ePrisma().account.create({
    data: {
      login,
      email,
      emailVerifiedAt: new Date(),
      passwordHash: await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 }),
      status: "ACTIVE",
      activatedAt: new Date(),
      civility: "MONSIEUR",
      usageName: overrides.usageName ?? "TESTO",
      firstNames: overrides.firstNames ?? "Maurice",
      birthDate: new Date("1979-04-29"),
      addressLine: "1 Avenue André Vignau Anglade",
      streetNumber: "1",
      postalCode: "33560",
      city: "Carbon-Blanc",
      mobile: "+33612345678",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    },
  });
  return { id: account.id, login, password, email };
}

export async function closeE2ePrisma() {
  await prisma?.$disconnect();
  prisma = undefined;
}
