import { listFilterOf } from "@/lib/child-file/list-filter";
import { healthList, healthListCsv } from "@/lib/child-file/staff";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { currentStaff } from "@/lib/staff/session";
import { town } from "@/lib/platform/town";

/** The PAI and allergy list as CSV, for agents with the health access; the export is in the audit log. */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const url = new URL(request.url);
  const filter = listFilterOf({ ageMin: url.searchParams.get("ageMin") ?? undefined, ageMax: url.searchParams.get("ageMax") ?? undefined });
  try {
    const rows = await healthList({ kind: "staff", id: staff.id }, filter);
    const diets = town().childFile.diets;
    const csv = healthListCsv(rows, (code) => diets.find((diet) => diet.code === code)?.label ?? code);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="pai-allergies-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
}
