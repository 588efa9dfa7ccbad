import type { TownConfig } from "../types";

export const carbonBlanc: TownConfig = {
  id: "carbon-blanc",
  name: "Ville de Carbon-Blanc",
  shortName: "Carbon-Blanc",
  portalName: "Espace Famille",
  mainSiteUrl: "https://www.carbon-blanc.fr",
  logo: { src: "/towns/carbon-blanc/logo.svg", alt: "Ville de Carbon-Blanc", width: 56, height: 56 },
  colours: { primary: "#1d4f91", primaryDark: "#143a6b", accent: "#c2410c", accentText: "#ffffff" },
  contact: {
    service: "Service Enfance – Éducation",
    address: ["Hôtel de Ville", "Place Hubert Raymond", "33560 Carbon-Blanc"],
    phone: "05 57 77 68 68",
    email: "espace-famille@carbon-blanc.fr",
    hours: ["Du lundi au vendredi : 8 h 30 – 12 h 30 et 13 h 30 – 17 h 30"],
  },
  welcome: {
    intro:
      "Nous vous souhaitons la bienvenue sur l'espace famille de la ville de Carbon-Blanc, service en ligne destiné à faciliter vos démarches quotidiennes liées à l'enfance (3 à 17 ans).",
    demarches: [
      "demande de création de votre espace famille (si vous n'en avez pas),",
      "mise à jour de votre dossier,",
      "inscriptions et réservations aux services (ALSH, vacances sportives, restauration, action-jeunes, école multisport, accueil périscolaire, transport),",
      "inscriptions scolaires,",
      "paiement en ligne.",
    ],
    outro:
      "Cet espace vous permettra aussi de consulter les informations relatives aux différents services. Nos services sont à votre disposition pour tout renseignement.",
  },
  services: [
    {
      code: "ALSH",
      name: "Accueil de loisirs (ALSH)",
      description: "Accueil des enfants de 3 à 11 ans les mercredis et pendant les vacances scolaires.",
    },
    { code: "VACANCES_SPORTIVES", name: "Vacances sportives", description: "Stages sportifs pendant les vacances pour les 6 – 17 ans." },
    { code: "RESTAURATION", name: "Restauration scolaire", description: "Repas du midi dans les écoles publiques de la commune." },
    { code: "ACTION_JEUNES", name: "Action jeunes", description: "Activités et sorties pour les 11 – 17 ans." },
    { code: "ECOLE_MULTISPORT", name: "École multisport", description: "Découverte de plusieurs sports tout au long de l'année." },
    { code: "PERISCOLAIRE", name: "Accueil périscolaire", description: "Accueil du matin et du soir, avant et après la classe." },
    { code: "TRANSPORT", name: "Transport scolaire", description: "Ramassage en car entre les quartiers et les écoles." },
  ],
  ages: { min: 3, max: 17 },
  postalCodes: ["33560"],
  passwordRule: { minLength: 8, minLowercase: 1, minUppercase: 0, minDigits: 1, minSpecial: 0 },
  legal: {
    cguVersion: "2026-11",
    dataController: "Ville de Carbon-Blanc, représentée par son maire, Hôtel de Ville, Place Hubert Raymond, 33560 Carbon-Blanc",
    dpoContact: "dpo@carbon-blanc.fr",
    mentionsLegales: [
      {
        title: "Éditeur",
        paragraphs: [
          "Le portail Espace Famille est édité par la Ville de Carbon-Blanc, Hôtel de Ville, Place Hubert Raymond, 33560 Carbon-Blanc. Téléphone : 05 57 77 68 68.",
          "Directeur de la publication : le maire de Carbon-Blanc.",
        ],
      },
      {
        title: "Hébergement",
        paragraphs: [
          "Le portail est hébergé en France par le prestataire retenu par la Ville, sur des serveurs situés dans l'Union européenne.",
        ],
      },
      {
        title: "Logiciel",
        paragraphs: ["Espace Famille est un logiciel libre publié sous licence AGPL-3.0-or-later."],
      },
    ],
    cgu: [
      {
        title: "Objet",
        paragraphs: [
          "Les présentes conditions générales d'utilisation encadrent l'usage de l'Espace Famille, service en ligne de la Ville de Carbon-Blanc destiné aux familles des enfants de 3 à 17 ans.",
        ],
      },
      {
        title: "Compte personnel",
        paragraphs: [
          "L'usager crée un compte personnel avec un identifiant et un mot de passe, ou en s'identifiant avec FranceConnect. Il garde son mot de passe secret et signale sans délai tout usage frauduleux de son compte.",
          "Les informations déclarées doivent être exactes. La Ville peut demander des justificatifs et refuser une déclaration incomplète ou inexacte.",
        ],
      },
      {
        title: "Disponibilité",
        paragraphs: [
          "La Ville s'efforce de rendre le service accessible en permanence, sans obligation de résultat. Des interruptions peuvent avoir lieu pour maintenance.",
        ],
      },
      {
        title: "Cookies",
        paragraphs: [
          "Le portail n'utilise que des cookies strictement nécessaires à son fonctionnement (session, sécurité, reprise d'une démarche en cours). Aucun cookie de mesure d'audience ni de publicité n'est déposé.",
        ],
      },
    ],
  },
  accessibility: {
    status: "partiellement conforme",
    auditDate: null,
    contact: "espace-famille@carbon-blanc.fr",
  },
  // Retention periods (RGPD art. 5.1.e, "limitation de la conservation"). Signup drafts (one day) and redeemed
  // anti-robot challenges are deleted as soon as they expire: they need no period of their own.
  retention: {
    // A démarche never sent serves nobody after six months (CNIL: keep for the time needed by the purpose).
    abandonedDraftDays: 183,
    // A refused declaration is kept one year to answer a claim or an appeal (recours gracieux, then two
    // months before the administrative court), then deleted: the town's decision stays in the audit log.
    refusedDeclarationDays: 365,
    // Throttling rows (identifier, IP address): the CNIL recommends at most six months for connection logs
    // kept for security; a month is enough to spot an attack.
    loginAttemptDays: 30,
    // Used or expired one-time links, kept a week so "ce lien a déjà servi" can still be told to the parent.
    accountTokenDays: 7,
    // An account never activated (the link is valid 48 hours, and a new one can be asked for): a month, then deleted.
    unactivatedAccountDays: 30,
    // A closed account's leftovers: the message "ce compte a été fermé" at sign-in, then the emptied row.
    closedAccountDays: 90,
    // A child's file (health data, RGPD art. 9) is confirmed every school year while the child uses the
    // services; one not confirmed nor changed for two years means the child left them: it is then erased.
    childFileDays: 730,
    // Audit log of staff access to children's data: 5 years (prescription of liability actions against the
    // town, code civil art. 2224; archives publiques, code du patrimoine L212-2). Append-only in the database.
    auditLogDays: 365 * 5,
  },
  childFile: {
    documentKinds: [
      { code: "justificatif-domicile", label: "Justificatif de domicile", validity: { rule: "months", months: 3 }, perChild: false },
      {
        code: "attestation-assurance",
        label: "Attestation d'assurance (responsabilité civile)",
        validity: { rule: "school-year" },
        perChild: false,
      },
      { code: "attestation-caf", label: "Attestation de quotient familial CAF", validity: { rule: "calendar-year" }, perChild: false },
      { code: "livret-famille", label: "Livret de famille ou acte de naissance", validity: { rule: "none" }, perChild: false },
      { code: "jugement", label: "Jugement ou ordonnance", validity: { rule: "none" }, perChild: false },
      { code: "pai", label: "Projet d'accueil individualisé (PAI)", validity: { rule: "end-date" }, perChild: true },
      { code: "vaccinations", label: "Page des vaccinations du carnet de santé", validity: { rule: "none" }, perChild: true },
      { code: "certificat-medical", label: "Certificat médical", validity: { rule: "school-year" }, perChild: true },
      { code: "autre", label: "Autre document", validity: { rule: "none" }, perChild: false },
    ],
    authorisations: [
      {
        code: "photo-video",
        title: "Droit à l'image (photo et vidéo)",
        label: "J'autorise la ville à photographier ou filmer mon enfant lors des activités (usage interne et publications de la ville).",
      },
      {
        code: "depart-seul",
        title: "Départ seul",
        label: "J'autorise mon enfant à partir seul à la fin des activités.",
        withAge: true,
        withActivities: true,
      },
      {
        code: "transport",
        title: "Transport par la ville",
        label: "J'autorise le transport de mon enfant par les véhicules de la ville ou un transporteur mandaté.",
      },
      {
        code: "soins-urgence",
        title: "Soins d'urgence",
        label:
          "J'autorise le responsable à prendre toute mesure d'urgence (soins, hospitalisation) rendue nécessaire par l'état de mon enfant.",
      },
    ],
    diets: [
      { code: "standard", label: "Aucun régime particulier" },
      { code: "sans-porc", label: "Sans porc" },
      { code: "vegetarien", label: "Végétarien" },
      { code: "sans-allergene", label: "Sans allergène (panier repas ou menu adapté, selon le PAI)" },
    ],
    confirmationOpensMonth: 7,
    expiryReminderDays: 30,
  },
  // Inscriptions scolaires for the next school year (enrolment requests from /espace/inscription-scolaire).
  schoolEnrolment: { schoolYearStart: 2027, opensOn: "2026-12-01", closesOn: "2027-03-31" },
};
