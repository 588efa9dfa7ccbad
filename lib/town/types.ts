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
  /** How long data is kept, in days (RGPD retention duties). */
  retention: { abandonedDraftDays: number; refusedDeclarationDays: number; loginAttemptDays: number; auditLogDays: number };
}
