import "server-only";
import { db } from "@/lib/db";
import { correctionText, type Remark } from "@/lib/review/schemas";

/** The staff's last request for correction, as the parent should read it (message, then each remark). */
export async function lastStaffRequest(demarcheId: string): Promise<string | null> {
  const event = await db().demarcheEvent.findFirst({
    where: { demarcheId, type: "CORRECTION_REQUESTED" },
    orderBy: { createdAt: "desc" },
    select: { message: true, remarks: true },
  });
  if (!event?.message) return null;
  const remarks = Array.isArray(event.remarks) ? (event.remarks as unknown as Remark[]).filter((remark) => typeof remark?.target === "string" && typeof remark?.message === "string") : [];
  return correctionText(event.message, remarks);
}
