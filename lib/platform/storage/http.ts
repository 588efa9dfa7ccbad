/** A Content-Disposition value that survives accents and quotes in file names (RFC 6266 / RFC 5987). */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_") || "document";
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A stored document sent to staff: inline (the review page may frame it) or downloaded (`?telecharger`). The answer
 * runs nothing (no script, no form, no plugin but the PDF viewer), may be framed by the portal's own pages only, and
 * is never cached.
 */
export function staffDocumentResponse(request: Request, document: { fileName: string; mediaType: string }, bytes: Uint8Array): Response {
  const download = new URL(request.url).searchParams.has("telecharger");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(download ? "attachment" : "inline", document.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy":
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'; form-action 'none'; base-uri 'none'",
      "X-Frame-Options": "SAMEORIGIN",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
