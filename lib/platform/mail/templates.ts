import type { TownConfig } from "@/lib/platform/town/types";

/**
 * The mails the portal sends, in French, as pure functions of their data and of the town
 * (no env, no database), so unit tests read exactly what a parent receives.
 * The text and HTML versions are rendered from the same blocks, so they always say the same thing.
 * Every value in the HTML is escaped: names, logins and staff messages are typed by people.
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

type Block =
  | { kind: "paragraph"; text: string }
  /** A label followed by a value set in bold, e.g. "Votre identifiant : maurice.testo". */
  | { kind: "detail"; label: string; value: string }
  /** A staff member's words, quoted as typed. */
  | { kind: "quote"; label: string; text: string }
  /** The call to action: a real link text, then the address itself for mail clients that hide links. */
  | { kind: "action"; label: string; url: string };

export function activationMail(params: MailRecipient & { login: string; link: string; validHours: number }, town: MailTown): MailContent {
  return compose(town, {
    subject: `Activez votre compte personnel – ${town.portalName}`,
    title: "Activez votre compte personnel",
    recipient: params,
    blocks: [
      { kind: "paragraph", text: `Votre compte personnel sur le portail ${town.portalName} (${town.name}) a bien été créé.` },
      { kind: "detail", label: "Votre identifiant", value: params.login },
      {
        kind: "paragraph",
        text: "Pour l'activer, suivez le lien ci-dessous, puis connectez-vous avec votre identifiant et votre mot de passe.",
      },
      { kind: "action", label: "Activer mon compte", url: checkedLink(params.link) },
      {
        kind: "paragraph",
        text: `${validity(params.validHours, "heure")} Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : le compte ne sera pas activé.`,
      },
    ],
  });
}

export function passwordResetMail(params: MailRecipient & { link: string; validMinutes: number }, town: MailTown): MailContent {
  return compose(town, {
    subject: `Réinitialisez votre mot de passe – ${town.portalName}`,
    title: "Réinitialisez votre mot de passe",
    recipient: params,
    blocks: [
      {
        kind: "paragraph",
        text: `Une demande de réinitialisation du mot de passe de votre compte sur le portail ${town.portalName} (${town.name}) a été faite.`,
      },
      { kind: "paragraph", text: "Pour choisir un nouveau mot de passe, suivez le lien ci-dessous." },
      { kind: "action", label: "Choisir un nouveau mot de passe", url: checkedLink(params.link) },
      {
        kind: "paragraph",
        text: `${validity(params.validMinutes, "minute")} Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.`,
      },
    ],
  });
}

export function emailChangeMail(params: MailRecipient & { link: string; validHours: number }, town: MailTown): MailContent {
  return compose(town, {
    subject: `Confirmez votre nouvelle adresse électronique – ${town.portalName}`,
    title: "Confirmez votre nouvelle adresse électronique",
    recipient: params,
    blocks: [
      {
        kind: "paragraph",
        text: `Vous avez demandé à utiliser cette adresse électronique pour votre compte sur le portail ${town.portalName} (${town.name}).`,
      },
      {
        kind: "paragraph",
        text: "Pour la confirmer, suivez le lien ci-dessous. Votre ancienne adresse reste utilisée tant que la nouvelle n'est pas confirmée.",
      },
      { kind: "action", label: "Confirmer ma nouvelle adresse", url: checkedLink(params.link) },
      {
        kind: "paragraph",
        text: `${validity(params.validHours, "heure")} Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.`,
      },
    ],
  });
}

export function declarationReceivedMail(params: MailRecipient & { reference: string; link?: string }, town: MailTown): MailContent {
  const reference = singleLine(params.reference);
  return compose(town, {
    subject: `Déclaration reçue (référence ${reference}) – ${town.portalName}`,
    title: "Nous avons bien reçu votre déclaration",
    recipient: params,
    blocks: [
      { kind: "paragraph", text: `Nous avons bien reçu votre déclaration sur le portail ${town.portalName} (${town.name}).` },
      { kind: "detail", label: "Référence", value: reference },
      { kind: "paragraph", text: "Nos services vont l'examiner. Vous recevrez un courriel dès qu'une décision sera prise." },
      ...(params.link ? [{ kind: "action" as const, label: "Suivre ma déclaration", url: checkedLink(params.link) }] : []),
    ],
  });
}

/** A document of the storage space stops being valid soon (the child-file feature's reminder job). */
export function documentExpiryMail(
  params: MailRecipient & { documentLabel: string; fileName: string; lastValidDay: string; link: string },
  town: MailTown,
): MailContent {
  return compose(town, {
    subject: `Un document arrive en fin de validité – ${town.portalName}`,
    title: "Un document arrive en fin de validité",
    recipient: params,
    blocks: [
      {
        kind: "paragraph",
        text: `Un document de votre espace de stockage ne sera bientôt plus valable pour vos démarches et inscriptions.`,
      },
      { kind: "detail", label: "Document", value: singleLine(`${params.documentLabel} (${params.fileName})`) },
      { kind: "detail", label: "Valable jusqu'au", value: singleLine(params.lastValidDay) },
      { kind: "paragraph", text: "Pensez à ajouter un document à jour dans votre espace de stockage." },
      { kind: "action", label: "Mon espace de stockage", url: checkedLink(params.link) },
    ],
  });
}

export type Decision = "ACCEPTED" | "REFUSED" | "NEEDS_CORRECTION";

const decisionWording: Record<Decision, { subject: string; sentence: string; quoteLabel: string; action: string }> = {
  ACCEPTED: {
    subject: "Votre déclaration a été acceptée",
    sentence: "Votre déclaration a été acceptée.",
    quoteLabel: "Message de nos services",
    action: "Consulter ma déclaration",
  },
  REFUSED: {
    subject: "Votre déclaration a été refusée",
    sentence: "Votre déclaration a été refusée.",
    quoteLabel: "Motif du refus",
    action: "Consulter ma déclaration",
  },
  NEEDS_CORRECTION: {
    subject: "Votre déclaration est à compléter",
    sentence: "Votre déclaration doit être complétée ou corrigée avant que nos services puissent l'accepter.",
    quoteLabel: "Ce qui est à compléter",
    action: "Compléter ma déclaration",
  },
};

export function decisionMail(
  params: MailRecipient & { decision: Decision; message?: string; link: string; reference?: string },
  town: MailTown,
): MailContent {
  const wording = decisionWording[params.decision];
  const reference = params.reference ? singleLine(params.reference) : undefined;
  const message = params.message?.trim();
  return compose(town, {
    subject: `${wording.subject}${reference ? ` (référence ${reference})` : ""} – ${town.portalName}`,
    title: wording.subject,
    recipient: params,
    blocks: [
      { kind: "paragraph", text: wording.sentence },
      ...(reference ? [{ kind: "detail" as const, label: "Référence", value: reference }] : []),
      ...(message ? [{ kind: "quote" as const, label: wording.quoteLabel, text: message }] : []),
      { kind: "action", label: wording.action, url: checkedLink(params.link) },
    ],
  });
}

/** Confirms a closure, to the address the account had (the last mail the portal sends it). */
/** To the holders already linked to a family dossier when another account is linked to it with a Clé Enfance. */
export function familyAccountLinkedMail(
  params: MailRecipient & { dossierNumber: string; linkedName: string },
  town: MailTown,
): MailContent {
  return compose(town, {
    subject: `Un autre compte a été associé à votre dossier famille – ${town.portalName}`,
    title: "Un autre compte a été associé à votre dossier famille",
    recipient: params,
    blocks: [
      {
        kind: "paragraph",
        text: `Un compte personnel vient d'être associé au dossier famille ${params.dossierNumber} avec une Clé Enfance.`,
      },
      { kind: "detail", label: "Compte associé", value: params.linkedName },
      {
        kind: "paragraph",
        text: "Ce compte voit désormais les personnes du dossier (représentants et enfants), mais pas les documents que vous avez déposés. Si vous ne connaissez pas cette personne, contactez le service Enfance sans attendre.",
      },
    ],
  });
}

/** School enrolment (lib/school-enrolment): validated (with the certificate to download) or refused. */
export function schoolEnrolmentDecisionMail(
  params: MailRecipient & {
    validated: boolean;
    childName: string;
    schoolName: string;
    level: string;
    schoolYear: string;
    reason?: string;
    link: string;
  },
  town: MailTown,
): MailContent {
  const child = singleLine(params.childName);
  return compose(town, {
    subject: params.validated
      ? `Inscription scolaire de ${child} validée – ${town.portalName}`
      : `Inscription scolaire de ${child} refusée – ${town.portalName}`,
    title: params.validated ? "Inscription scolaire validée" : "Inscription scolaire refusée",
    recipient: params,
    blocks: params.validated
      ? [
          { kind: "paragraph", text: `L'inscription scolaire de ${child} pour l'année ${singleLine(params.schoolYear)} est validée.` },
          { kind: "detail", label: "École", value: singleLine(params.schoolName) },
          { kind: "detail", label: "Niveau", value: singleLine(params.level) },
          {
            kind: "paragraph",
            text: "Téléchargez le certificat d'inscription depuis votre Espace Famille et présentez-le à la direction de l'école pour l'admission.",
          },
          { kind: "action", label: "Télécharger le certificat", url: checkedLink(params.link) },
        ]
      : [
          {
            kind: "paragraph",
            text: `La demande d'inscription scolaire de ${child} pour l'année ${singleLine(params.schoolYear)} n'a pas pu être acceptée.`,
          },
          { kind: "quote", label: "Motif", text: params.reason ?? "" },
          { kind: "action", label: "Voir ma demande", url: checkedLink(params.link) },
        ],
  });
}

export function accountClosedMail(
  params: MailRecipient & { keptFamily: boolean; keptDemarches: number; keptDocuments: number },
  town: MailTown,
): MailContent {
  const kept: string[] = [];
  if (params.keptFamily) kept.push("le dossier de votre famille (et ses factures)");
  if (params.keptDemarches > 0)
    kept.push(
      params.keptDemarches === 1
        ? "la démarche déjà décidée et son historique"
        : `les ${params.keptDemarches} démarches déjà décidées et leur historique`,
    );
  if (params.keptDocuments > 0)
    kept.push(params.keptDocuments === 1 ? "le document conservé avec elles" : `les ${params.keptDocuments} documents conservés avec eux`);
  return compose(town, {
    subject: `Votre compte a été fermé – ${town.portalName}`,
    title: "Votre compte a été fermé",
    recipient: params,
    blocks: [
      {
        kind: "paragraph",
        text: `Comme vous l'avez demandé, votre compte personnel sur le portail ${town.portalName} (${town.name}) est fermé. Vous ne pouvez plus vous y connecter.`,
      },
      {
        kind: "paragraph",
        text: "Nous avons effacé votre identifiant, votre mot de passe, le lien avec FranceConnect, vos messages, vos démarches non décidées et les documents de votre espace de stockage qui n'y sont pas liés.",
      },
      ...(kept.length > 0
        ? [
            {
              kind: "paragraph" as const,
              text: `La Ville conserve, comme la loi l'y oblige (archives publiques, comptabilité) : ${kept.join(" ; ")}.`,
            },
          ]
        : []),
      {
        kind: "paragraph",
        text: "Vous pouvez créer un nouveau compte à tout moment, y compris avec le même identifiant. Si vous n'êtes pas à l'origine de cette fermeture, contactez-nous sans attendre.",
      },
    ],
  });
}

/** "Bonjour M. Maurice TESTO," as the Carbon-Blanc guide's mails greet parents: short civility, usage name in capitals. */
export function greeting({ civility, firstNames, usageName }: MailRecipient): string {
  const title = civility === "MADAME" ? "Mme" : "M.";
  const name = [singleLine(firstNames), singleLine(usageName).toLocaleUpperCase("fr-FR")].filter(Boolean).join(" ");
  return `Bonjour ${title} ${name},`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// ---------------------------------------------------------------------------

function compose(
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

function multiline(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join("<br>");
}

/** Subjects and names never carry line breaks (they would break mail headers and the greeting). */
function singleLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Links come from our own code; anything but an absolute http(s) URL is a bug, refused before it reaches a parent. */
function checkedLink(link: string): string {
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

function validity(amount: number, unit: "heure" | "minute"): string {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error("Link validity must be a positive whole number");
  return `Ce lien est valable ${amount} ${unit}${amount > 1 ? "s" : ""} et ne peut servir qu'une fois.`;
}
