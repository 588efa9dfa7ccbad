import { NextResponse } from "next/server";
import { streetNames } from "@/lib/school-enrolment";

/** GET /api/carte-scolaire/voies: the town's street names for the address field's autocompletion (public data). */
export async function GET() {
  return NextResponse.json(await streetNames(), { headers: { "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400" } });
}
