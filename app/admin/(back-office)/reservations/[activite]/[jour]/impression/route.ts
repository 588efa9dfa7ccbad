import { dayPdf } from "@/lib/reservations/day-pdf";
import { currentStaff } from "@/lib/staff/session";

/** The day's attendance list as a PDF to print, for staff only (the read is in the audit log). */
export async function GET(_request: Request, { params }: { params: Promise<{ activite: string; jour: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const { activite, jour } = await params;
  const pdf = await dayPdf({ kind: "staff", id: staff.id }, activite, jour);
  if (pdf === null) return new Response("Journée introuvable.", { status: 404 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="pointage-${activite}-${jour}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
