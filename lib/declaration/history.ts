import "server-only";
import { db } from "@/lib/db";

/** The staff's last request for correction, as the parent should read it. */
export async function lastStaffRequest(demarcheId: string): Promise<string | null> {
  const event = await db().demarcheEvent.findFirst({
    where: { demarcheId, type: "CORRECTION_REQUESTED" },
    orderBy: { createdAt: "desc" },
    select: { message: true },
  });
  return event?.message ?? null;
}
