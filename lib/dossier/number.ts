import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { formatDossierNumber } from "./schemas";

/**
 * The next family dossier number of the year (F-YYYY-NNNNN): one more than the highest number of that form. Rows of
 * another form (a demo or an imported number) are ignored rather than breaking the sequence. Two writers at once may
 * compute the same number: the unique index refuses the second, and callers retry.
 */
export async function nextDossierNumber(now: Date, client: Prisma.TransactionClient | ReturnType<typeof db> = db()): Promise<string> {
  const year = now.getUTCFullYear();
  const rows = await client.$queryRaw<{ last: number | null }[]>`
    SELECT max(substring("dossierNumber" from '^F-[0-9]{4}-([0-9]{5})$')::int) AS last
    FROM families WHERE "dossierNumber" LIKE ${`F-${year}-%`}`;
  return formatDossierNumber(year, (rows[0]?.last ?? 0) + 1);
}
