import { currentParent } from "@/lib/auth/session";
import { auditExport, collectExport, exportZipStream } from "@/lib/privacy/export";
import { contentDisposition } from "@/lib/platform/storage/http";

/**
 * "Télécharger mes données": the signed-in parent's own data, nobody else's (the account comes from the
 * session, never from the address). Streamed: documents are read one at a time as the download goes on.
 */
export async function GET() {
  const parent = await currentParent();
  if (!parent)
    return new Response("Connectez-vous pour télécharger vos données.", { status: 401, headers: { "Cache-Control": "no-store" } });
  const bundle = await collectExport(parent.id);
  await auditExport(parent.id, bundle);
  return new Response(exportZipStream(bundle), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition("attachment", bundle.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
