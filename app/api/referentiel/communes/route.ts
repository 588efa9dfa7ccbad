import { NextResponse, type NextRequest } from "next/server";
import { departementName, listCommunes } from "@/lib/platform/referentiel";
import { isDepartementCode, normalizeCode } from "@/lib/platform/referentiel/codes";

/**
 * GET /api/referentiel/communes?departement=33: the communes of a département for the birth place
 * select of the account wizard. Public data that changes once a year (INSEE COG), hence public
 * caching for a month; a new vintage reaches browsers within that month.
 */
export function GET(request: NextRequest) {
  const code = normalizeCode(request.nextUrl.searchParams.get("departement"));
  if (!code) {
    return NextResponse.json({ error: "Le paramètre 'departement' est obligatoire." }, { status: 400 });
  }
  if (!isDepartementCode(code) || !departementName(code)) {
    return NextResponse.json({ error: "Le département demandé est inconnu." }, { status: 400 });
  }
  return NextResponse.json(listCommunes(code), {
    headers: { "Cache-Control": "public, max-age=2592000, stale-while-revalidate=86400" },
  });
}
