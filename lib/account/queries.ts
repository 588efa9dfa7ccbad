import "server-only";
import { db } from "@/lib/platform/db";

/** Name and email of an account just created, for the confirmation page (only while it waits for activation). */
export async function findPendingAccountSummary(accountId: string) {
  if (!/^[0-9a-f-]{36}$/.test(accountId)) return null;
  return db().account.findFirst({
    where: { id: accountId, status: "PENDING_ACTIVATION", createdAt: { gt: new Date(Date.now() - 60 * 60 * 1000) } },
    select: { civility: true, firstNames: true, usageName: true, email: true },
  });
}
