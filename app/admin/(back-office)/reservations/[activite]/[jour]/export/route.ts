import { dayCsv } from "@/lib/reservations/staff";
import { currentStaff } from "@/lib/staff/session";

/** The day's attendance list as CSV, for staff only (the read is in the audit log). */
export async function GET(_request: Request, { params }: { params: Promise<{ activite: string; jour: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const { activite, jour } = await params;
  const csv = await dayCsv({ kind: "staff", id: staff.id }, activite, jour);
  if (csv === null) return new Response("Journée introuvable.", { status: 404 });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pointage-${activite}-${jour}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
