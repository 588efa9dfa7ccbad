import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { inspectPdf } from "@/lib/platform/pdf/active-content";
import { simplePdf } from "@/lib/platform/pdf/simple-document";

/** PDFs with active content (JavaScript, actions on opening, launch, embedded files) are refused, however hidden. */
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

/** A minimal hand-written PDF around the given catalog entries and extra objects. */
function handPdf(catalogExtra: string, objects: string[] = []): Uint8Array {
  const body = [
    `1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>\nendobj`,
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj",
    ...objects,
  ].join("\n");
  return latin1(`%PDF-1.7\n${body}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

/** An object stream (/Type /ObjStm, FlateDecode) holding the given object text, as PDF 1.5+ writers produce. */
function objectStream(number: number, inner: string, { filter = "/FlateDecode", type = "/Type /ObjStm" } = {}): Buffer {
  const payload = `10 0 ${inner}`;
  const data = filter === "/FlateDecode" ? deflateSync(Buffer.from(payload, "latin1")) : Buffer.from(payload, "latin1");
  return Buffer.concat([
    Buffer.from(`${number} 0 obj\n<< ${type} /N 1 /First 5 /Filter ${filter} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
}

function withObjects(...parts: Buffer[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat([
      Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "latin1"),
      ...parts,
      Buffer.from("trailer\n<< /Root 1 0 R >>\n%%EOF\n", "latin1"),
    ]),
  );
}

/** Applies the PNG "Up" predictor (filter 2) to rows of `columns` bytes, as a writer with /Predictor 12 does. */
function pngUpPredicted(data: Buffer, columns: number): Buffer {
  const rows = Math.ceil(data.length / columns);
  const padded = Buffer.concat([data, Buffer.alloc(rows * columns - data.length, 0x20)]);
  const out = Buffer.alloc(rows * (columns + 1));
  for (let row = 0; row < rows; row += 1) {
    out[row * (columns + 1)] = 2;
    for (let index = 0; index < columns; index += 1) {
      const up = row > 0 ? padded[(row - 1) * columns + index]! : 0;
      out[row * (columns + 1) + 1 + index] = (padded[row * columns + index]! - up) & 0xff;
    }
  }
  return out;
}

describe("the two bypasses of the byte scanner are caught", () => {
  test("a « stream » keyword inside a string hides nothing (the file is parsed, strings included)", async () => {
    const bytes = latin1(
      [
        "%PDF-1.7",
        "3 0 obj\n<< /Note (rien a voir stream\n) >>\nendobj",
        "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj",
        "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj",
        "4 0 obj\n<< /Note (endstream) >>\nendobj",
        "trailer\n<< /Root 1 0 R >>\n%%EOF\n",
      ].join("\n"),
    );
    expect(await inspectPdf(bytes)).toMatchObject({ ok: false, reason: "active" });
  });

  test("an object stream compressed with a PNG predictor is un-predicted before it is read", async () => {
    const payload = Buffer.from("10 0 << /S /JavaScript /JS (app.alert(1)) >>", "latin1");
    const predicted = pngUpPredicted(payload, 5);
    expect(predicted.toString("latin1")).not.toContain("JavaScript");
    const data = deflateSync(predicted);
    const stream = Buffer.concat([
      Buffer.from(
        `5 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 5 >> /Length ${data.length} >>\nstream\n`,
        "latin1",
      ),
      data,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]);
    expect(await inspectPdf(withObjects(stream))).toEqual({ ok: false, reason: "active", name: "JavaScript" });
  });
});

describe("plain PDFs pass", () => {
  test("the portal's own generated letters and guides", async () => {
    expect(
      await inspectPdf(
        await simplePdf({
          title: "Votre Clé Enfance",
          paragraphs: ["Bonjour", "Texte (/JS) et /JavaScript dans le contenu"],
          author: "Ville",
        }),
      ),
    ).toEqual({ ok: true });
  });

  test("pdf-lib documents, with and without object streams", async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText("Facture (/OpenAction)");
    expect(await inspectPdf(await doc.save())).toEqual({ ok: true });
    expect(await inspectPdf(await doc.save({ useObjectStreams: false }))).toEqual({ ok: true });
  });

  test("names that merely start like an active one (/JSON, /AAA, /Launcher)", async () => {
    expect(await inspectPdf(handPdf("/JSON 1 /AAA 2 /Launcher 3"))).toEqual({ ok: true });
  });
});

describe("active content is refused", () => {
  test.each([
    ["/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "OpenAction"],
    ["/Names << /JavaScript 3 0 R >>", "JavaScript"],
    ["/AA << /O 3 0 R >>", "AA"],
    ["/OpenAction << /S /Launch /F (calc.exe) >>", "OpenAction"],
    ["/Names << /EmbeddedFiles 3 0 R >>", "EmbeddedFiles"],
  ])("in the catalog: %s", async (entry, name) => {
    expect(await inspectPdf(handPdf(entry))).toEqual({ ok: false, reason: "active", name });
  });

  test.each([
    ["an action object elsewhere", "3 0 obj\n<< /S /JavaScript /JS (this.print()) >>\nendobj", "JavaScript"],
    ["a launch action", "3 0 obj\n<< /S /Launch /F (cmd) >>\nendobj", "Launch"],
    ["an embedded file", "3 0 obj\n<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream\nendobj", "EmbeddedFile"],
  ])("in %s", async (_label, object, name) => {
    expect(await inspectPdf(handPdf("", [object]))).toEqual({ ok: false, reason: "active", name });
  });

  test("with obfuscated names (#xx escapes)", async () => {
    expect(await inspectPdf(handPdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"))).toMatchObject({
      ok: false,
      reason: "active",
    });
    expect(await inspectPdf(handPdf("", ["3 0 obj\n<< /S /#4A#61#76#61#53#63#72#69#70#74 >>\nendobj"]))).toEqual({
      ok: false,
      reason: "active",
      name: "JavaScript",
    });
    expect(await inspectPdf(handPdf("/#41#41 3 0 R"))).toEqual({ ok: false, reason: "active", name: "AA" });
  });

  test("hidden in a compressed object stream", async () => {
    expect(await inspectPdf(withObjects(objectStream(5, "<< /S /JavaScript /JS (app.alert(1)) >>")))).toEqual({
      ok: false,
      reason: "active",
      name: "JavaScript",
    });
    expect(await inspectPdf(withObjects(objectStream(5, "<< /S /J#61vaScript >>")))).toEqual({
      ok: false,
      reason: "active",
      name: "JavaScript",
    });
    // The stream's own type obfuscated too.
    expect(await inspectPdf(withObjects(objectStream(5, "<< /OpenAction 6 0 R >>", { type: "/Type /Obj#53tm" })))).toMatchObject({
      ok: false,
      reason: "active",
    });
    // A harmless object stream passes.
    expect(await inspectPdf(withObjects(objectStream(5, "<< /Type /Pages /Kids [] /Count 0 >>")))).toEqual({ ok: true });
  });

  test("pdf-lib documents with an OpenAction, with and without object streams", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.catalog.set(PDFName.of("OpenAction"), doc.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert(1)") }));
    expect(await inspectPdf(await doc.save())).toMatchObject({ ok: false, reason: "active" });
    expect(await inspectPdf(await doc.save({ useObjectStreams: false }))).toMatchObject({ ok: false, reason: "active" });
  });

  test("an object stream that cannot be read (corrupt, encrypted, exotic filter) is refused as unverifiable", async () => {
    const corrupt = Buffer.concat([
      Buffer.from("5 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode >>\nstream\n", "latin1"),
      Buffer.from([1, 2, 3, 4, 5]),
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]);
    expect(await inspectPdf(withObjects(corrupt))).toEqual({ ok: false, reason: "unverifiable" });
    expect(await inspectPdf(withObjects(objectStream(5, "<< >>", { filter: "/LZWDecode" })))).toEqual({
      ok: false,
      reason: "unverifiable",
    });
  });

  test("a compression bomb is not inflated past the budget", async () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024));
    const stream = Buffer.concat([
      Buffer.from("5 0 obj\n<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode >>\nstream\n", "latin1"),
      bomb,
      Buffer.from("\nendstream\nendobj\n", "latin1"),
    ]);
    expect(await inspectPdf(withObjects(stream))).toEqual({ ok: false, reason: "unverifiable" });
  });
});

test("never throws on arbitrary bytes behind a PDF header", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 2000 }),
      fc.constantFrom("", "stream\n", "/Type /ObjStm /Filter /FlateDecode stream\n", "endstream"),
      async (tail, marker) => {
        const bytes = new Uint8Array([...latin1(`%PDF-1.4\n${marker}`), ...tail]);
        const verdict = await inspectPdf(bytes);
        expect([true, false]).toContain(verdict.ok);
      },
    ),
    { numRuns: 100 },
  );
});
