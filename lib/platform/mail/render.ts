import type { TownConfig } from "@/lib/platform/town/types";

/**
 * How every mail of ./templates.ts is laid out: the greeting, the blocks, the signature and the footer, rendered
 * once as text and once as HTML from the same blocks, every value escaped.
 */

export type MailTown = Pick<TownConfig, "name" | "portalName" | "contact" | "colours">;

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailRecipient {
  civility: "MONSIEUR" | "MADAME";
  usageName: string;
  firstNames: string;
}

export type Block =
  | { kind: "paragraph"; text: string }
  /** A label followed by a value set in bold, e.g. "Votre identifiant : maurice.testo". */
  | { kind: "detail"; label: string; value: string }
  /** A staff member's words, quoted as typed. */
  | { kind: "quote"; label: string; text: string }
  /** The call to action: a real link text, then the address itself for mail clients that hide links. */
  | { kind: "action"; label: string; url: string };

/** "Bonjour M. Maurice TESTO," as the Carbon-Blanc guide's mails greet parents: short civility, usage name in capitals. */
export function greeting({ civility, firstNames, usageName }: MailRecipient): string {
  const title = civility === "MADAME" ? "Mme" : "M.";
  const name = [singleLine(firstNames), singleLine(usageName).toLocaleUpperCase("fr-FR")].filter(Boolean).join(" ");
  return `Bonjour ${title} ${name},`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function compose(
  town: MailTown,
  { subject, title, recipient, blocks }: { subject: string; title: string; recipient: MailRecipient; blocks: Block[] },
): MailContent {
  const hello = greeting(recipient);
  const signature = [`L'équipe ${town.portalName}`, town.name];
  const footer =
    `Ce message vous a été envoyé automatiquement : merci de ne pas y répondre. ` +
    `Pour toute question : ${town.contact.service}, ${town.contact.email}, ${town.contact.phone}.`;
  return {
    subject: singleLine(subject),
    text: renderText({ hello, blocks, signature, footer }),
    html: renderHtml({ town, title, subject: singleLine(subject), hello, blocks, signature, footer }),
  };
}

function renderText({ hello, blocks, signature, footer }: { hello: string; blocks: Block[]; signature: string[]; footer: string }): string {
  const body = blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return block.text;
      case "detail":
        return `${block.label} : ${block.value}`;
      case "quote":
        return `${block.label} :\n${block.text
          .split(/\r?\n/)
          .map((line) => `> ${line}`)
          .join("\n")}`;
      case "action":
        return `${block.label} :\n${block.url}`;
    }
  });
  return [hello, ...body, signature.join("\n"), "--", footer].join("\n\n") + "\n";
}

function renderHtml({
  town,
  title,
  subject,
  hello,
  blocks,
  signature,
  footer,
}: {
  town: MailTown;
  title: string;
  subject: string;
  hello: string;
  blocks: Block[];
  signature: string[];
  footer: string;
}): string {
  const colour = escapeHtml(town.colours.primary);
  const p = 'style="margin:0 0 16px"';
  const body = blocks.map((block) => {
    switch (block.kind) {
      case "paragraph":
        return `<p ${p}>${multiline(block.text)}</p>`;
      case "detail":
        return `<p ${p}>${escapeHtml(block.label)} : <strong>${escapeHtml(block.value)}</strong></p>`;
      case "quote":
        return (
          `<p style="margin:0 0 4px">${escapeHtml(block.label)} :</p>` +
          `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid ${colour};background:#f1f5f9">${multiline(block.text)}</blockquote>`
        );
      case "action": {
        const href = escapeHtml(block.url);
        return (
          `<p style="margin:24px 0"><a href="${href}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:${colour};color:#ffffff;font-weight:bold;text-decoration:underline">${escapeHtml(block.label)}</a></p>` +
          `<p ${p}>Si le lien ne s'ouvre pas, copiez cette adresse dans votre navigateur :<br><span style="word-break:break-all">${href}</span></p>`
        );
      }
    }
  });
  return [
    "<!DOCTYPE html>",
    '<html lang="fr">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title>`,
    "</head>",
    '<body style="margin:0;padding:24px 16px;background:#ffffff;color:#1e293b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<div style="max-width:600px;margin:0 auto">',
    `<p style="margin:0 0 24px;padding-bottom:8px;border-bottom:4px solid ${colour};color:#334155">${escapeHtml(town.name)}<br><strong style="color:${colour};font-size:20px">${escapeHtml(town.portalName)}</strong></p>`,
    `<h1 style="margin:0 0 16px;font-size:22px;color:${colour}">${escapeHtml(title)}</h1>`,
    `<p ${p}>${escapeHtml(hello)}</p>`,
    ...body,
    `<p ${p}>${signature.map(escapeHtml).join("<br>")}</p>`,
    `<p style="margin:32px 0 0;padding-top:8px;border-top:1px solid #cbd5e1;font-size:14px;color:#475569">${escapeHtml(footer)}</p>`,
    "</div>",
    "</body>",
    "</html>",
  ].join("\n");
}

export function multiline(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join("<br>");
}

/** Subjects and names never carry line breaks (they would break mail headers and the greeting). */
export function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Links come from our own code; anything but an absolute http(s) URL is a bug, refused before it reaches a parent. */
export function checkedLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    // The link itself is never put in an error message: it may hold a single-use token.
    throw new Error("Mail link must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("Mail link must use http or https");
  return url.href;
}

export function validity(amount: number, unit: "heure" | "minute"): string {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error("Link validity must be a positive whole number");
  return `Ce lien est valable ${amount} ${unit}${amount > 1 ? "s" : ""} et ne peut servir qu'une fois.`;
}
