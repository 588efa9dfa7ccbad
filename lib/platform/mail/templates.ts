import { checkedLink, compose, singleLine, validity, type MailContent, type MailRecipient, type MailTown } from "./render";

export { escapeHtml, greeting, type MailContent, type MailRecipient, type MailTown } from "./render";

/**
 * The mails the portal sends, in French, as pure functions of their data and of the town
 * (no env, no database), so unit tests read exactly what a parent receives.
 * The text and HTML versions are rendered from the same blocks, so they always say the same thing.
 * Every value in the HTML is escaped: names, logins and staff messages are typed by people.
 */

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
