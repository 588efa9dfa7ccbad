import { formatShortDate } from "@/lib/platform/format";
import { csvCell } from "@/lib/review/export";
import { enrolledChildren } from "@/lib/school-enrolment";
import { campaignSchoolYear } from "@/lib/school-enrolment/year";
import { currentStaff } from "@/lib/staff/session";

/** The director's list as CSV (UTF-8 with BOM, `;`, CRLF, like the families export); each export is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ schoolId: string }> }) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const schoolYear = await campaignSchoolYear();
  const list = await enrolledChildren({ kind: "staff", id: staff.id }, schoolYear, (await params).schoolId);
  if (!list) return new Response("École introuvable.", { status: 404 });
  const lines = [["niveau", "nom", "prenom", "date_naissance", "sexe", "reference"].join(";")];
  for (const row of list.rows)
    lines.push(
      [
        row.level,
        row.child.usageName,
        row.child.firstName,
        row.child.birthDate ? formatShortDate(row.child.birthDate) : "",
        row.child.sex ?? "",
        row.reference,
      ]
        .map(csvCell)
        .join(";"),
    );
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="inscrits-${schoolYear}-${list.school.id.slice(0, 8)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
