import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { encode } from "next-auth/jwt";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

/**
 * Parents with a complete draft declaration, written straight into the run's database, and their session
 * cookies. The cookie is the one Auth.js sets at sign-in (its own `encode`, the portal's AUTH_SECRET):
 * 200 argon2 sign-ins would measure the sign-in, not the sending.
 */
let prisma: PrismaClient | undefined;
export function faultsPrisma(): PrismaClient {
  prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 3 }) });
  return prisma;
}

export async function closeFaultsPrisma() {
  await prisma?.$disconnect();
  prisma = undefined;
}

export const holder = {
  civility: "MONSIEUR",
  usageName: "TESTO",
  firstName: "Maurice",
  birthDate: "29/04/1979",
  streetNumber: "1",
  streetName: "Avenue André Vignau Anglade",
  postalCode: "33560",
  city: "Carbon-Blanc",
  country: "FRANCE",
  mobile: "06 12 34 56 78",
  email: "maurice.testo@example.org",
  profession: "Boulanger",
  employer: "Boulangerie du Centre",
};

const child = { usageName: "TESTO", firstName: "Léa", sex: "FEMININ", birthDate: "12/03/2018", quality_holder: "PERE", authority_holder: "OUI" };

export interface DraftParent {
  accountId: string;
  demarcheId: string;
  email: string;
  cookie: string;
}

/** `count` activated parents, each with a draft that passes every check of the summary page. */
export async function parentsWithCompleteDrafts(count: number, label: string): Promise<DraftParent[]> {
  const run = `${label}.${Date.now().toString(36)}`;
  const rows = Array.from({ length: count }, (_, index) => ({ accountId: randomUUID(), demarcheId: randomUUID(), login: `${run}.${index}`, email: `${run}.${index}@example.org` }));
  await faultsPrisma().account.createMany({
    data: rows.map((row) => ({
      id: row.accountId,
      login: row.login,
      email: row.email,
      emailVerifiedAt: new Date(),
      passwordHash: "not-used: the session cookie is minted",
      status: "ACTIVE" as const,
      activatedAt: new Date(),
      civility: "MONSIEUR" as const,
      usageName: "TESTO",
      firstNames: "Maurice",
      birthDate: new Date("1979-04-29"),
      addressLine: "1 Avenue André Vignau Anglade",
      streetNumber: "1",
      postalCode: "33560",
      city: "Carbon-Blanc",
      mobile: "+33612345678",
      cguAcceptedAt: new Date(),
      cguVersion: "test",
    })),
  });
  await faultsPrisma().demarche.createMany({
    data: rows.map((row, index) => ({
      id: row.demarcheId,
      reference: `D-TEST-${run}-${index}`.toUpperCase(),
      kind: "FAMILY_DECLARATION" as const,
      accountId: row.accountId,
      data: { holder: { ...holder, email: row.email }, co: null, children: [{ id: randomUUID(), values: child }], contacts: [] } as Prisma.InputJsonValue,
    })),
  });
  return Promise.all(rows.map(async (row) => ({ accountId: row.accountId, demarcheId: row.demarcheId, email: row.email, cookie: await sessionCookie(row.accountId) })));
}

export async function sessionCookie(accountId: string, sessionVersion = 0): Promise<string> {
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: accountId, kind: "parent", sv: sessionVersion, authAt: Math.floor(Date.now() / 1000) }, secret: process.env.AUTH_SECRET!, salt: name, maxAge: 60 * 60 });
  return `${name}=${token}`;
}
