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
  /** The audit log (kept by the database in append-only mode; archived by the town, never purged by the portal). */
  auditLogDays: number;
}
