import { ExpectedError } from "@/lib/platform/errors";
import { regieJournalCsv } from "@/lib/billing/journal";
import { currentStaff } from "@/lib/staff/session";

/** A régie's journal of invoices, payments and refunds as CSV, for staff only (each export audited). */
export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return new Response("Accès réservé aux agents.", { status: 401 });
  const params = new URL(request.url).searchParams;
  const regie = params.get("regie") ?? "";
  const from = params.get("du") ?? "";
  const to = params.get("au") ?? "";
  try {
    const csv = await regieJournalCsv({ kind: "staff", id: staff.id }, regie, from, to);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="journal-${regie.replace(/[^A-Z0-9]/gi, "")}-${from}-${to}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof ExpectedError)
      return new Response(error.message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
}
