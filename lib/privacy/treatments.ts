import type { RetentionPolicy } from "@/lib/platform/town/types";

/** "183 jours" → "6 mois", "1825" → "5 ans": periods as people say them. */
export function humanDuration(days: number): string {
  if (days % 365 === 0) return `${days / 365} an${days / 365 > 1 ? "s" : ""}`;
  if (days >= 28 && Math.abs(days / 30.4 - Math.round(days / 30.4)) < 0.1) return `${Math.round(days / 30.4)} mois`;
  if (days % 7 === 0 && days < 28) return `${days / 7} semaine${days / 7 > 1 ? "s" : ""}`;
  return `${days} jour${days > 1 ? "s" : ""}`;
}

export interface Treatment {
  what: string;
  why: string;
  howLong: string;
}

/**
 * What the portal collects, why and for how long. The periods come from the town's retention policy, the
 * one the purge applies (lib/privacy/retention.ts): the page and the purge cannot disagree.
 */
export function treatments(retention: RetentionPolicy): Treatment[] {
  return [
    {
      what: "Votre compte personnel : identité, adresse, moyens de contact, identifiant et mot de passe (chiffré)",
      why: "Vous identifier et vous permettre d'accéder à vos démarches",
      howLong: "Tant que le compte est ouvert ; effacement à la fermeture du compte, sauf ce que la Ville doit conserver",
    },
    {
      what: "La création de compte en cours (saisies de l'assistant)",
      why: "Vous permettre de reprendre la création de votre compte",
      howLong: "1 jour",
    },
    {
      what: "La composition de la famille : représentants, enfants, contacts à prévenir, informations allocataire",
      why: "Instruire vos démarches liées à l'enfance (mission d'intérêt public)",
      howLong:
        "Durée de la relation avec les services enfance, puis archivage légal (archives publiques), même après la fermeture du compte",
    },
    {
      what: "Les pièces justificatives (livret de famille, justificatif de domicile, jugement)",
      why: "Vérifier les informations déclarées",
      howLong:
        "Tant qu'elles sont dans votre espace de stockage ; celles jointes à une démarche décidée ou au dossier familial suivent leur durée",
    },
    {
      what: "La fiche sanitaire et de liaison de chaque enfant : allergies, PAI, traitement, régime, vaccinations, médecin, autorisations, personnes autorisées à venir le chercher (données de santé chiffrées)",
      why: "Accueillir l'enfant en sécurité dans les activités ; lue par les seuls agents habilités, chaque lecture étant journalisée",
      howLong: `Tant que l'enfant fréquente les services (confirmation à chaque année scolaire), puis ${humanDuration(retention.childFileDays)} sans modification ni confirmation ; effacée à la fermeture du dernier compte parent de la famille`,
    },
    {
      what: "Les démarches commencées et non envoyées (brouillons)",
      why: "Vous permettre de reprendre une démarche",
      howLong: `${humanDuration(retention.abandonedDraftDays)} sans modification`,
    },
    {
      what: "Les démarches acceptées et leur historique (messages échangés)",
      why: "Garder la trace des décisions de la Ville (archives publiques)",
      howLong: "Durée d'utilité administrative du dossier familial, même après la fermeture du compte",
    },
    {
      what: "Les déclarations refusées et leur historique",
      why: "Répondre à une éventuelle réclamation ou à un recours",
      howLong: `${humanDuration(retention.refusedDeclarationDays)} après la décision`,
    },
    {
      what: "Les factures et les paiements de la famille",
      why: "Obligations comptables de la commune",
      howLong: "10 ans (comptabilité publique), même après la fermeture du compte",
    },
    {
      what: "Les liens à usage unique envoyés par courriel (activation, mot de passe oublié, changement d'adresse)",
      why: "Vérifier votre adresse et sécuriser votre compte",
      howLong: `${humanDuration(retention.accountTokenDays)} après leur utilisation ou leur expiration`,
    },
    {
      what: "Les tentatives de connexion (identifiant, adresse IP)",
      why: "Protéger les comptes contre les tentatives d'intrusion",
      howLong: humanDuration(retention.loginAttemptDays),
    },
    {
      what: "Après la fermeture d'un compte : une empreinte de l'ancien identifiant, pour vous dire que le compte est fermé",
      why: "Vous informer clairement si vous essayez de vous reconnecter",
      howLong: humanDuration(retention.closedAccountDays),
    },
    {
      what: "Le journal des accès des agents aux dossiers et des actions sur le portail",
      why: "Tracer chaque consultation de données d'enfants",
      howLong: humanDuration(retention.auditLogDays),
    },
  ];
}
