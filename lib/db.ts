import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The Prisma client, one per server process (kept on globalThis so dev reloads reuse it).
 * Only server-only modules under lib/<feature>/ import it; pages and actions call those.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const { DATABASE_URL: url, DATABASE_POOL_MAX: max } = env();
  if (!url) {
    throw new Error("DATABASE_URL n'est pas défini : lancez le portail avec `npm run dev`, qui démarre la base embarquée.");
  }
  const adapter = new PrismaPg({ connectionString: url, max });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
