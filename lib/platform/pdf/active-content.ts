import { inflateSync } from "node:zlib";
import { PDFArray, PDFContext, PDFDict, PDFName, PDFObjectStreamParser, PDFParser, PDFRawStream, type PDFObject } from "pdf-lib";

/**
 * Active content in a PDF: what a PDF reader may run or open by itself (JavaScript, actions on opening,
 * launching a program, files carried inside the PDF).
 *
 * Choice: such a PDF is REFUSED, not rewritten. Rewriting would re-serialise files we do not control and
 * break signed PDFs; refusing is short, checkable, and the parent has an easy way out (print or save the
 * document again as a plain PDF). Files are also served only as sandboxed downloads: this check is a second line.
 *
 * The file is PARSED (pdf-lib's parser: literal and hex strings, comments and stream lengths as a reader reads
 * them, so a "(stream)" inside a string hides nothing), and every dictionary of every object is walked, the
 * objects packed into compressed object streams included. Those streams are decoded here, predictors
 * included (PNG and TIFF, PDF 32000-1 7.4.4.4), with a size budget: an object stream we cannot decode, an
 * encrypted file or a file the parser cannot read is refused as unverifiable. Names are compared after
 * decoding their #xx escapes, so /J#61vaScript is /JavaScript. Content streams (page drawings) are not
 * read: they hold no actions, and text such as "(/JS)" there must not refuse a letter.
 */
const ACTIVE_NAMES = new Set(["JavaScript", "JS", "OpenAction", "AA", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"]);

/** Decoded bytes read at most per file: beyond, the file is refused rather than read halfway. */
const DECODE_BUDGET_BYTES = 64 * 1024 * 1024;

export type PdfVerdict = { ok: true } | { ok: false; reason: "active"; name: string } | { ok: false; reason: "unverifiable" };

export const ACTIVE_PDF_MESSAGE =
  "Ce PDF contient du contenu actif (JavaScript) : enregistrez-le de nouveau en PDF simple avant de le joindre.";
export const UNVERIFIABLE_PDF_MESSAGE =
  "Ce PDF contient des parties que nous ne pouvons pas vérifier (fichier protégé ou compressé d'une façon inhabituelle) : enregistrez-le de nouveau en PDF simple avant de le joindre.";

export function pdfVerdictMessage(verdict: Exclude<PdfVerdict, { ok: true }>): string {
  return verdict.reason === "active" ? ACTIVE_PDF_MESSAGE : UNVERIFIABLE_PDF_MESSAGE;
}

class Unverifiable extends Error {}

function decodeEscapes(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A name as readers see it: pdf-lib decodes only upper-case #XX escapes, so lower-case ones are decoded here. */
function readableNames(name: PDFName): string[] {
  const once = decodeEscapes(name.asString().slice(1));
  return [once, decodeEscapes(once)];
}

function isName(object: PDFObject | undefined, expected: string): boolean {
  return object instanceof PDFName && readableNames(object).includes(expected);
}

// ---------------------------------------------------------------------------------------------------------
// Object streams: decoded here (FlateDecode, predictors) before pdf-lib parses the objects they hold.
// ---------------------------------------------------------------------------------------------------------

const budgets = new WeakMap<PDFContext, { remaining: number }>();

function numberIn(dict: PDFDict | undefined, key: string, fallback: number): number {
  const value = dict?.get(PDFName.of(key));
  const parsed = value ? Number(value.toString()) : NaN;
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** Undoes a PNG (10-15) or TIFF (2) predictor, row by row. */
function unpredict(data: Uint8Array, params: PDFDict | undefined): Uint8Array {
  const predictor = numberIn(params, "Predictor", 1);
  if (predictor === 1) return data;
  const colors = numberIn(params, "Colors", 1);
  const bits = numberIn(params, "BitsPerComponent", 8);
  const columns = numberIn(params, "Columns", 1);
  if (![1, 2, 4, 8, 16].includes(bits) || colors < 1 || colors > 32 || columns < 1 || columns > 1 << 20) throw new Unverifiable();
  const pixelBytes = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowBytes = Math.ceil((colors * bits * columns) / 8);
  if (predictor === 2) {
    if (bits !== 8) throw new Unverifiable();
    const out = Uint8Array.from(data);
    for (let row = 0; row < out.length; row += rowBytes) {
      for (let index = row + pixelBytes; index < Math.min(row + rowBytes, out.length); index += 1)
        out[index] = (out[index]! + out[index - pixelBytes]!) & 0xff;
    }
    return out;
  }
  if (predictor < 10 || predictor > 15) throw new Unverifiable();
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let row = 0; row < rows; row += 1) {
    const filter = data[row * (rowBytes + 1)];
    const source = row * (rowBytes + 1) + 1;
    const target = row * rowBytes;
    for (let index = 0; index < rowBytes; index += 1) {
      const raw = data[source + index]!;
      const left = index >= pixelBytes ? out[target + index - pixelBytes]! : 0;
      const up = row > 0 ? out[target - rowBytes + index]! : 0;
      const upLeft = row > 0 && index >= pixelBytes ? out[target - rowBytes + index - pixelBytes]! : 0;
      let value: number;
      if (filter === 0) value = raw;
      else if (filter === 1) value = raw + left;
      else if (filter === 2) value = raw + up;
      else if (filter === 3) value = raw + ((left + up) >> 1);
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        value = raw + (a <= b && a <= c ? left : b <= c ? up : upLeft);
      } else throw new Unverifiable();
      out[target + index] = value & 0xff;
    }
  }
  return out;
}

/** The decoded bytes of an object stream, or Unverifiable (exotic filter, corrupt data, over the budget). */
function decodeObjectStream(raw: PDFRawStream): Uint8Array {
  const budget = budgets.get(raw.dict.context);
  if (!budget) throw new Unverifiable();
  const filter = raw.dict.get(PDFName.of("Filter"));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  if (filters.length > 1 || (filters[0] && !isName(filters[0], "FlateDecode"))) throw new Unverifiable();
  let params = raw.dict.get(PDFName.of("DecodeParms"));
  if (params instanceof PDFArray) params = params.get(0);
  if (params !== undefined && !(params instanceof PDFDict)) throw new Unverifiable();
  let bytes: Uint8Array = raw.contents;
  if (filters.length === 1) {
    try {
      bytes = inflateSync(raw.contents, { maxOutputLength: Math.max(1, budget.remaining) });
    } catch {
      throw new Unverifiable();
    }
  }
  budget.remaining -= bytes.byteLength;
  if (budget.remaining <= 0) throw new Unverifiable();
  return unpredict(bytes, params);
}

// pdf-lib parses object streams itself but ignores predictors: it is given the decoded bytes instead.
const parseObjectStreamWith = PDFObjectStreamParser.forStream.bind(PDFObjectStreamParser);
PDFObjectStreamParser.forStream = (raw, shouldWaitForTick) => {
  const dict = raw.dict.clone();
  dict.delete(PDFName.of("Filter"));
  dict.delete(PDFName.of("DecodeParms"));
  return parseObjectStreamWith(PDFRawStream.of(dict, decodeObjectStream(raw)), shouldWaitForTick);
};

// ---------------------------------------------------------------------------------------------------------
// The walk
// ---------------------------------------------------------------------------------------------------------

/** The first active name in an object (dictionary keys and name values, at any depth), or null. */
function activeNameIn(object: PDFObject, depth = 0): string | null {
  if (depth > 64) throw new Unverifiable();
  if (object instanceof PDFName) return readableNames(object).find((name) => ACTIVE_NAMES.has(name)) ?? null;
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      const found = activeNameIn(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const found = activeNameIn(key, depth + 1) ?? activeNameIn(value, depth + 1);
      if (found) return found;
    }
    return null;
  }
  // A stream: its dictionary (its data is drawing or binary, never read as objects here).
  if (object instanceof PDFRawStream) {
    // An object stream the parser did not unpack (its type spelled so that pdf-lib misses it) may hide anything.
    if (isName(object.dict.get(PDFName.of("Type")), "ObjStm")) throw new Unverifiable();
    return activeNameIn(object.dict, depth + 1);
  }
  return null;
}

/** pdf-lib's parser, strict (an invalid object throws), with its context visible for the decoding budget. */
class BudgetedParser extends PDFParser {
  constructor(bytes: Uint8Array) {
    super(bytes, Number.POSITIVE_INFINITY, true, true);
  }
  get objects(): PDFContext {
    return this.context;
  }
}

/** Reads a PDF and says whether it may be kept. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfVerdict> {
  try {
    const parser = new BudgetedParser(bytes);
    budgets.set(parser.objects, { remaining: DECODE_BUDGET_BYTES });
    const context = await parser.parseDocument();
    // Encrypted strings and streams cannot be read: nothing proves they are harmless.
    if (context.trailerInfo.Encrypt) return { ok: false, reason: "unverifiable" };
    for (const part of [context.trailerInfo.Root, context.trailerInfo.Info]) {
      const found = part ? activeNameIn(part) : null;
      if (found) return { ok: false, reason: "active", name: found };
    }
    for (const [, object] of context.enumerateIndirectObjects()) {
      const found = activeNameIn(object);
      if (found) return { ok: false, reason: "active", name: found };
    }
    return { ok: true };
  } catch {
    // Unreadable by a parser (corrupt, truncated, a hidden object stream, over the budget): refused.
    return { ok: false, reason: "unverifiable" };
  }
}
