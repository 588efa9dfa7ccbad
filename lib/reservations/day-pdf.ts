import "server-only";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { formatLongDate } from "@/lib/platform/format";
import { town } from "@/lib/platform/town";
import type { Caller } from "@/lib/platform/security/authorize";
import { ATTENDANCE_LABELS, dayOfActivity, type DayRow } from "./staff";
import { winAnsiSafe } from "@/lib/platform/pdf/win-ansi";

/**
 * The day's list to print (« liste de pointage »): per group and unit, the children expected (booked and walk-ins),
 * their PAI and allergies when the agent may read health data, who may pick them up, and boxes to tick by hand.
 * Waiting-list rows are not printed: those children are not expected. Landscape A4, standard fonts (WinAnsi):
 * a character outside it is printed as "?", never an error. The read is in the audit log (dayOfActivity).
 */
const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = 36;
const COLUMNS = [
  { title: "Enfant", x: 0, width: 170 },
  { title: "Dossier", x: 172, width: 78 },
  { title: "Santé", x: 252, width: 190 },
  { title: "Qui peut venir le chercher", x: 444, width: 200 },
  { title: "Présent   Absent   Heure", x: 646, width: 124 },
] as const;

export const PRINTED_STATUSES = new Set(["BOOKED", "WALK_IN"]);

export async function dayPdf(caller: Caller, activityCode: string, day: string): Promise<Uint8Array | null> {
  const data = await dayOfActivity(caller, activityCode, day);
  if (!data) return null;
  const pdf = await PDFDocument.create();
  const title = `Pointage ${data.activity.name} du ${formatLongDate(new Date(`${day}T12:00:00Z`))}`;
  pdf.setTitle(title);
  pdf.setAuthor(town().name);
  pdf.setLanguage("fr-FR");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;

  /** Cuts a text to a column's width (with an ellipsis). */
  const fit = (font: PDFFont, text: string, size: number, width: number) => {
    let content = winAnsiSafe(font, text);
    if (font.widthOfTextAtSize(content, size) <= width) return content;
    while (content.length > 1 && font.widthOfTextAtSize(`${content}…`, size) > width) content = content.slice(0, -1);
    return `${content}…`;
  };
  const draw = (text: string, x: number, options: { font?: PDFFont; size?: number; width?: number } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 9;
    page.drawText(options.width ? fit(font, text, size, options.width) : winAnsiSafe(font, text), {
      x: MARGIN + x,
      y,
      size,
      font,
      color: rgb(0.1, 0.1, 0.15),
    });
  };
  const header = () => {
    for (const column of COLUMNS) draw(column.title, column.x, { font: bold, width: column.width });
    y -= 4;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.8, color: rgb(0.3, 0.3, 0.35) });
    y -= 12;
  };
  const newPageIfBelow = (height: number, repeatHeader: boolean) => {
    if (y - height >= MARGIN) return;
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN;
    if (repeatHeader) header();
  };

  draw(title, 0, { font: bold, size: 15 });
  y -= 16;
  draw(
    `${town().name} · imprimé le ${formatLongDate(new Date())} · document interne : données d'enfants, à ne pas laisser à la vue du public.`,
    0,
    { size: 8 },
  );
  y -= 20;

  for (const section of data.sections) {
    const rows = section.rows.filter((row) => PRINTED_STATUSES.has(row.status));
    newPageIfBelow(60, false);
    draw(
      `${section.group.name} · ${section.unit.label} : ${rows.length} enfant${rows.length > 1 ? "s" : ""} attendu${rows.length > 1 ? "s" : ""} (${section.booked} place${section.booked > 1 ? "s" : ""} réservée${section.booked > 1 ? "s" : ""} sur ${section.capacity})`,
      0,
      { font: bold, size: 11 },
    );
    y -= 16;
    header();
    if (rows.length === 0) {
      draw("Aucun enfant attendu.", 0);
      y -= 18;
      continue;
    }
    for (const row of rows) {
      newPageIfBelow(16, true);
      draw(`${row.name}${row.walkIn ? " (imprévu)" : ""}`, COLUMNS[0].x, { width: COLUMNS[0].width });
      draw(row.dossierNumber, COLUMNS[1].x, { width: COLUMNS[1].width });
      draw(healthText(row), COLUMNS[2].x, {
        width: COLUMNS[2].width,
        font: row.health?.pai || row.health?.allergies.length ? bold : regular,
      });
      draw(pickupText(row), COLUMNS[3].x, { width: COLUMNS[3].width });
      const recorded = row.attendance
        ? `${ATTENDANCE_LABELS[row.attendance]}${row.attendanceTime ? ` ${row.attendanceTime}` : ""}`
        : "[  ]       [  ]       ____";
      draw(recorded, COLUMNS[4].x, { width: COLUMNS[4].width });
      y -= 5;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.3, color: rgb(0.75, 0.75, 0.8) });
      y -= 11;
    }
    y -= 10;
  }
  return pdf.save({ useObjectStreams: false });
}

function healthText(row: DayRow): string {
  if (!row.health) return "—";
  const parts = [
    row.health.pai ? "PAI" : "",
    ...row.health.allergies.map((allergy) => `allergie ${allergy.name}`),
    row.health.diet ?? "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "Rien à signaler";
}

function pickupText(row: DayRow): string {
  if (!row.pickup) return "—";
  const people = row.pickup.people.map((person) => `${person.name} (${person.relationship}) ${person.phone}`);
  return [row.pickup.leavesAlone ? "Peut partir seul" : "", ...people].filter(Boolean).join(" ; ") || "Parents seulement";
}
