import { dayFilterOf, listFilterOf } from "@/lib/child-file/list-filter";
import { childrenExpected } from "@/lib/reservations/staff";
import { healthList, healthListCsv } from "@/lib/child-file/staff";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { currentStaff } from "@/lib/staff/session";
import { town } from "@/lib/platform/town";

/** The PAI and allergy list as CSV, for agents with the health access; the export is in the audit log. */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const url = new URL(request.url);
  const caller = { kind: "staff" as const, id: staff.id };
  const dayFilter = dayFilterOf({
    activite: url.searchParams.get("activite") ?? undefined,
    jour: url.searchParams.get("jour") ?? undefined,
  });
  const expected = dayFilter ? await childrenExpected(caller, dayFilter.activityCode, dayFilter.day) : null;
  if (dayFilter && !expected) return new Response("Activité ou jour introuvable.", { status: 404 });
  const filter = {
    ...listFilterOf({ ageMin: url.searchParams.get("ageMin") ?? undefined, ageMax: url.searchParams.get("ageMax") ?? undefined }),
    ...(expected ? { childIds: expected } : {}),
  };
  try {
    const rows = await healthList(caller, filter);
    const diets = town().childFile.diets;
    const csv = healthListCsv(rows, (code) => diets.find((diet) => diet.code === code)?.label ?? code);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="pai-allergies-${dayFilter ? `${dayFilter.activityCode}-${dayFilter.day}` : new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403 });
    throw error;
  }
}
