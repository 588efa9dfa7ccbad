import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { town } from "@/lib/platform/town";
import { billingConfig, monthLabel } from "./config";
import { linesByChild, remainingCents, type FamilyInvoice } from "./invoices";
import { INVOICE_STATUS_LABELS, shortDay, weekdayDay } from "./labels";
import { formatEuros } from "./money";
import { STATE_LABELS } from "./types";
import { winAnsiSafe } from "@/lib/platform/pdf/win-ansi";

/**
 * The invoice as a PDF (A4): who bills whom, the quotient used, lines per child and day, the total, the due
 * date and how to pay. Standard fonts (WinAnsi): characters outside it are replaced, never an error.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;

export async function invoicePdf(invoice: FamilyInvoice): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const title = `${invoice.kind === "CREDIT_NOTE" ? "Avoir" : "Facture"} ${invoice.number ?? ""}`;
  pdf.setTitle(title);
  pdf.setAuthor(town().name);
  pdf.setLanguage("fr-FR");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const right = A4[0] - MARGIN;

  const ensure = (height: number) => {
    if (y - height < MARGIN) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const text = (value: string, options: { font?: PDFFont; size?: number; x?: number; alignRight?: boolean } = {}) => {
    const font = options.font ?? regular;
    const size = options.size ?? 10;
    const content = winAnsiSafe(font, value);
    const x = options.alignRight ? right - font.widthOfTextAtSize(content, size) : (options.x ?? MARGIN);
    page.drawText(content, { x, y, size, font, color: rgb(0.1, 0.1, 0.15) });
  };
  const line = (value: string, options: { font?: PDFFont; size?: number; gap?: number } = {}) => {
    const size = options.size ?? 10;
    ensure(size * 1.5);
    text(value, options);
    y -= size * 1.5 + (options.gap ?? 0);
  };

  const regie = billingConfig().regies.find((candidate) => candidate.code === invoice.regie);
  line(town().name, { font: bold, size: 12 });
  line(regie?.name ?? invoice.regie);
  for (const address of town().contact.address) line(address);
  y -= 12;
  line(title, { font: bold, size: 18, gap: 4 });
  line(
    `Période : ${monthLabel(invoice.period)} · Émise le ${invoice.issuedAt ? shortDay(invoice.issuedAt) : "-"} · ${INVOICE_STATUS_LABELS[invoice.status]}`,
  );
  line(`Dossier famille ${invoice.family.dossierNumber}`);
  for (const member of invoice.family.members)
    line(
      `${member.firstName} ${member.usageName.toUpperCase()}${member.postalCode ? `, ${[member.streetNumber, member.streetName].filter(Boolean).join(" ")} ${member.postalCode} ${member.city ?? ""}` : ""}`,
    );
  line(
    `Quotient familial retenu : ${invoice.quotientValue === null ? "non connu" : `${invoice.quotientValue} €`} · ${invoice.quotientBracket}`,
    { gap: 8 },
  );
  if (invoice.corrects)
    line(`Corrige la facture ${invoice.corrects.number}${invoice.correctionReason ? ` : ${invoice.correctionReason}` : ""}`, { gap: 6 });

  for (const group of linesByChild(invoice.lines)) {
    ensure(40);
    line(group.child, { font: bold, size: 11 });
    for (const item of group.lines) {
      ensure(28);
      text(`${weekdayDay(item.date)}  ${item.label}`, { size: 9 });
      text(formatEuros(item.amountCents), { size: 9, alignRight: true });
      y -= 12;
      text(
        `${STATE_LABELS[item.state as keyof typeof STATE_LABELS] ?? item.state} · ${item.pricing}${item.correction ? ` · corrigé : ${item.correction}` : ""}`.slice(
          0,
          130,
        ),
        { size: 8, x: MARGIN + 12 },
      );
      y -= 13;
    }
    y -= 4;
  }
  ensure(90);
  page.drawLine({ start: { x: MARGIN, y: y + 6 }, end: { x: right, y: y + 6 }, thickness: 0.8, color: rgb(0.4, 0.4, 0.45) });
  y -= 8;
  text("Total", { font: bold, size: 12 });
  text(formatEuros(invoice.amountCents), { font: bold, size: 12, alignRight: true });
  y -= 18;
  if (invoice.kind === "INVOICE") {
    line(
      `Déjà réglé : ${formatEuros(invoice.paidCents)} · Avoirs : ${formatEuros(invoice.creditedCents)} · Reste à payer : ${formatEuros(remainingCents(invoice))}`,
    );
    line(`À régler avant le ${shortDay(invoice.dueDate)}.`, { font: bold });
    if (regie) line(`Comment payer : ${regie.payAt}.`.slice(0, 150), { size: 9 });
  }
  line(`Contact : ${town().contact.service}, ${town().contact.phone}, ${town().contact.email}`, { size: 9 });
  return pdf.save({ useObjectStreams: false });
}
