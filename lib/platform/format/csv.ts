/**
 * One CSV cell (`;`-separated exports opened in a spreadsheet): quoted when needed, and a leading = + - @ (or tab /
 * carriage return) neutralised with an apostrophe so that a name typed as a formula is never run (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
