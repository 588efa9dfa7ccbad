import "server-only";
import { db } from "@/lib/platform/db";
import { correctionText, type Remark } from "@/lib/review/schemas";

/**
 * The staff's last request for correction, as the parent should read it (message, then each remark), and
 * the people its remarks are about ("enfant-<id>"…), to mark them in the panel of the declaration form.
 */
export async function lastStaffRequestDetails(demarcheId: string): Promise<{ text: string; remarkedPeople: Set<string> } | null> {
  const event = await db().demarcheEvent.findFirst({
    where: { demarcheId, type: "CORRECTION_REQUESTED" },
    orderBy: { createdAt: "desc" },
    select: { message: true, remarks: true },
  });
  if (!event?.message) return null;
  const remarks = Array.isArray(event.remarks)
    ? (event.remarks as unknown as Remark[]).filter(
        (remark) => typeof remark?.target === "string" && typeof remark?.message === "string" && typeof remark?.key === "string",
      )
    : [];
  const remarkedPeople = new Set(
    remarks.filter((remark) => remark.key.startsWith("personne:")).map((remark) => remark.key.slice("personne:".length)),
  );
  return { text: correctionText(event.message, remarks), remarkedPeople };
}

export async function lastStaffRequest(demarcheId: string): Promise<string | null> {
  return (await lastStaffRequestDetails(demarcheId))?.text ?? null;
}
