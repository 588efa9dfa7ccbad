import "server-only";
import { db } from "@/lib/platform/db";

export { CORRECTION_LINK, stillTrue } from "./current";

/** What staff decisions told the parent, newest first (shown on "MON ACCUEIL"). */
export async function latestNotifications(accountId: string, limit = 5) {
  return db().notification.findMany({
    where: { accountId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, title: true, body: true, link: true, createdAt: true },
  });
}
