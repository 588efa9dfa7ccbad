/** Everything that differs from one town to another. A second town is a new file in ./towns. */
export interface TownConfig {
  id: string;
  /** "Ville de Carbon-Blanc" */
  name: string;
  /** "Carbon-Blanc" */
  shortName: string;
  portalName: string;
  mainSiteUrl: string;
  logo: { src: string; alt: string; width: number; height: number };
  /** CSS colours; contrast with white text must stay at least 4.5:1 (RGAA 3.2). */
  colours: { primary: string; primaryDark: string; accent: string; accentText: string };
  contact: {
    service: string;
    address: string[];
    phone: string;
    email: string;
    hours: string[];
  };
  welcome: { intro: string; demarches: string[]; outro: string };
  /** Services parents enrol their children in (shown on the SERVICES page). */
  services: { code: string; name: string; description: string }[];
  ages: { min: number; max: number };
  /** The town's own postal codes: a family whose holder lives at one of them is resident (lottery priority). */
  postalCodes: string[];
  passwordRule: { minLength: number; minLowercase: number; minUppercase: number; minDigits: number; minSpecial: number };
  legal: {
    cguVersion: string;
    /** Paragraphs of the "Mentions légales et CGU" page, one section per entry. */
    mentionsLegales: { title: string; paragraphs: string[] }[];
    cgu: { title: string; paragraphs: string[] }[];
    dataController: string;
    dpoContact: string;
  };
  accessibility: {
    status: "non conforme" | "partiellement conforme" | "totalement conforme";
    auditDate: string | null;
    contact: string;
  };
  /** How long data is kept, in days (RGPD article 5.1.e). Read by the purge (lib/privacy/retention.ts) and the privacy page. */
  retention: RetentionPolicy;
  /** School enrolment campaign (lib/school-enrolment): parents send requests between these dates (Europe/Paris days, inclusive). */
  schoolEnrolment?: SchoolEnrolmentCampaign;
  /** The child's file (fiche sanitaire et de liaison) and the documents families keep: lib/child-file. */
  childFile: ChildFileConfig;
}

/** How long a document of a kind stays valid, counted from the date written on it. */
export type DocumentValidity =
  | { rule: "months"; months: number }
  /** Until the end of the school year the document's date falls in (31 August). */
  | { rule: "school-year" }
  /** Until 31 December of the document's year. */
  | { rule: "calendar-year" }
  /** Until an end date the parent types (a PAI). */
  | { rule: "end-date" }
  | { rule: "none" };

export interface DocumentKindConfig {
  /** Stable code used by activities and démarches to require it ("attestation-assurance"). */
  code: string;
  label: string;
  validity: DocumentValidity;
  /** About one child (PAI, vaccinations) rather than the whole family. */
  perChild: boolean;
}

export interface AuthorisationConfig {
  code: string;
  /** Short name, in lists and messages (« Départ seul »). */
  title: string;
  /** Asked as a question the parent answers yes or no. */
  label: string;
  /** « à partir de quel âge » (leave alone). */
  withAge?: boolean;
  /** « pour quelles activités » (leave alone). */
  withActivities?: boolean;
}

export interface ChildFileConfig {
  documentKinds: DocumentKindConfig[];
  authorisations: AuthorisationConfig[];
  /** Diets the town's kitchens serve. */
  diets: { code: string; label: string }[];
  /** From this month (1-12), the portal asks parents to confirm the file for the school year starting in September. */
  confirmationOpensMonth: number;
  /** The expiry reminder is sent this many days before a document's last valid day. */
  expiryReminderDays: number;
}

export interface SchoolEnrolmentCampaign {
  /** First calendar year of the school year enrolled for: 2027 for 2027-2028. */
  schoolYearStart: number;
  /** "2026-12-01" */
  opensOn: string;
  /** "2027-03-31" */
  closesOn: string;
}

export interface RetentionPolicy {
  /** A démarche left as a draft (never sent) is deleted this many days after its last change. */
  abandonedDraftDays: number;
  /** A refused declaration is deleted this many days after the decision. */
  refusedDeclarationDays: number;
  /** Sign-in attempts (identifier, IP address) used for throttling. */
  loginAttemptDays: number;
  /** An account never activated (its activation link unused) is deleted this many days after its creation. */
  unactivatedAccountDays: number;
  /** One-time links (activation, password reset, email change), counted from their expiry or their use. */
  accountTokenDays: number;
  /** What is left of a closed account (keyed hash of its identifier, documents no longer held, the emptied row). */
  closedAccountDays: number;
  /** A child's file after the child left the services: counted from its last change or yearly confirmation. */
  childFileDays: number;
  /** The audit log (kept by the database in append-only mode; archived by the town, never purged by the portal). */
  auditLogDays: number;
}
