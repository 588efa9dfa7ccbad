import { inflateSync } from "node:zlib";

/**
 * Active content in a PDF: what a PDF reader may run or open by itself (JavaScript, actions on opening,
 * launching a program, files carried inside the PDF).
 *
 * Choice: such a PDF is REFUSED, not rewritten. Rewriting (pdf-lib: drop /OpenAction, /AA, /Names/JavaScript)
 * would have to find every place an action can hide (pages, annotations, form fields, outlines, named
 * destinations) and re-serialise files we do not control, breaking signed PDFs on the way; refusing is
 * short, checkable, and the parent has an easy way out (print or save the document again as a plain PDF).
 * The documents parents attach (livret de famille, bills, judgments) are scans or exports that never need
 * any of this. Files are also served only as sandboxed downloads: this check is a second line.
 *
 * The scan reads every dictionary of the file: the bytes outside streams, and the objects packed into
 * compressed object streams (/Type /ObjStm, inflated here with a size cap). Names are compared after
 * decoding their #xx escapes, so /J#61vaScript is /JavaScript. Content streams (page drawings) are not
 * read: they hold no actions, and text such as "(/JS)" there must not refuse a letter.
 */
const ACTIVE_NAMES = new Set(["JavaScript", "JS", "OpenAction", "AA", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"]);

/** Inflated bytes read at most per file: beyond, the file is refused rather than scanned halfway. */
const INFLATE_BUDGET_BYTES = 64 * 1024 * 1024;

export type PdfVerdict = { ok: true } | { ok: false; reason: "active"; name: string } | { ok: false; reason: "unverifiable" };

export const ACTIVE_PDF_MESSAGE = "Ce PDF contient du contenu actif (JavaScript) : enregistrez-le de nouveau en PDF simple avant de le joindre.";
export const UNVERIFIABLE_PDF_MESSAGE =
  "Ce PDF contient des parties que nous ne pouvons pas vérifier (fichier protégé ou compressé d'une façon inhabituelle) : enregistrez-le de nouveau en PDF simple avant de le joindre.";

export function pdfVerdictMessage(verdict: Exclude<PdfVerdict, { ok: true }>): string {
  return verdict.reason === "active" ? ACTIVE_PDF_MESSAGE : UNVERIFIABLE_PDF_MESSAGE;
}

// A name: "/" then regular characters (PDF 32000-1, 7.3.5), #xx escapes included.
const NAME = /\/([^\s/<>[\]()%{}\0]*)/g;

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first active name in a run of dictionaries, or null. */
function activeNameIn(text: string): string | null {
  for (const match of text.matchAll(NAME)) {
    const name = decodeName(match[1] ?? "");
    if (ACTIVE_NAMES.has(name)) return name;
  }
  return null;
}

function namesOf(dictionary: string): Set<string> {
  return new Set([...dictionary.matchAll(NAME)].map((match) => decodeName(match[1] ?? "")));
}

/** Reads a PDF's bytes and says whether it may be kept. */
export function inspectPdf(bytes: Uint8Array): PdfVerdict {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  // "stream" followed by an end of line starts a stream's data; "endstream" ends it.
  const streamStart = /(?<!end)stream(?:\r\n|\n|\r)/g;
  let cursor = 0;
  let budget = INFLATE_BUDGET_BYTES;
  let match: RegExpExecArray | null;
  while ((match = streamStart.exec(text))) {
    const outside = text.slice(cursor, match.index);
    const found = activeNameIn(outside);
    if (found) return { ok: false, reason: "active", name: found };
    const dataStart = match.index + match[0].length;
    const end = text.indexOf("endstream", dataStart);
    const dataEnd = end === -1 ? text.length : end;
    // The stream's own dictionary: the text since the object began ("n 0 obj").
    const objectStart = outside.lastIndexOf("obj");
    const names = namesOf(objectStart === -1 ? outside : outside.slice(objectStart));
    if (names.has("ObjStm")) {
      const filters = [...names].filter((name) => name.endsWith("Decode"));
      let content: string | null;
      if (filters.length === 0) content = text.slice(dataStart, dataEnd);
      else if (filters.length === 1 && filters[0] === "FlateDecode") {
        try {
          const inflated = inflateSync(bytes.subarray(dataStart, dataEnd), { maxOutputLength: budget });
          budget -= inflated.byteLength;
          content = inflated.toString("latin1");
        } catch {
          content = null;
        }
      } else content = null;
      // An object stream we cannot read may hide anything (encrypted file, exotic filter): refused.
      if (content === null || budget <= 0) return { ok: false, reason: "unverifiable" };
      const hidden = activeNameIn(content);
      if (hidden) return { ok: false, reason: "active", name: hidden };
    }
    cursor = end === -1 ? text.length : end + "endstream".length;
    streamStart.lastIndex = cursor;
  }
  const found = activeNameIn(text.slice(cursor));
  return found ? { ok: false, reason: "active", name: found } : { ok: true };
}
