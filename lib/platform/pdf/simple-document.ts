import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/**
 * A plain A4 PDF with a title and paragraphs (public guides, Clé Enfance letters).
 * Standard fonts use WinAnsi, which covers French accents.
 */
export async function simplePdf({
  title,
  paragraphs,
  author,
}: {
  title: string;
  paragraphs: string[];
  author: string;
}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setAuthor(author);
  pdf.setLanguage("fr-FR");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const width = 595.28 - margin * 2;
  let page = pdf.addPage([595.28, 841.89]);
  let y = 841.89 - margin;

  const write = (text: string, font: typeof regular, size: number, gap: number) => {
    for (const line of wrap(text, font, size, width)) {
      if (y < margin + size) {
        page = pdf.addPage([595.28, 841.89]);
        y = 841.89 - margin;
      }
      page.drawText(line, { x: margin, y, size, font, color: rgb(0.1, 0.1, 0.15) });
      y -= size * 1.4;
    }
    y -= gap;
  };

  write(title, bold, 18, 12);
  for (const paragraph of paragraphs) write(paragraph, regular, 11, 8);
  return pdf.save();
}

function wrap(text: string, font: { widthOfTextAtSize(text: string, size: number): number }, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && current) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}
