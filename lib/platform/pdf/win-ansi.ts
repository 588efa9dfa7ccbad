import type { PDFFont } from "pdf-lib";

/**
 * Text a standard PDF font (WinAnsi) can draw: the narrow no-break space (French number formatting) becomes a space,
 * any other character outside the font's encoding becomes "?", so a name in another alphabet never makes a PDF fail.
 */
export function winAnsiSafe(font: PDFFont, text: string): string {
  return [...text.replace(/\u202f/g, " ")]
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return "?";
      }
    })
    .join("");
}
