import { exportValidatedFamilies } from "@/lib/review/export";
import { currentStaff } from "@/lib/staff/session";

/** The validated families as CSV (columns in the README), for staff only; each export is in the audit log. */
export async function GET() {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const stream = await exportValidatedFamilies({ kind: "staff", id: staff.id });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="familles-validees-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
