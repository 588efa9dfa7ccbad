import "server-only";
import { db } from "@/lib/platform/db";

/** What staff decisions told the parent, newest first (shown on "MON ACCUEIL"). */
export async function latestNotifications(accountId: string, limit = 5) {
  return db().notification.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, title: true, body: true, link: true, createdAt: true },
  });
}
