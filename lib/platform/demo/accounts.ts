/**
 * Demo logins, seeded in development only (never in production) and printed by `npm run dev`.
 * They are public on purpose: they open a portal full of invented people.
 */
export const demoParent = {
  login: "maurice.testo",
  password: "Maison-Bleue-33",
  email: "maurice.testo@example.org",
  civility: "MONSIEUR",
  usageName: "TESTO",
  firstNames: "Maurice",
} as const;

/** A parent whose family declaration waits in the staff queue (same password as the first demo parent). */
export const demoParentWithDeclaration = {
  login: "sophie.martin",
  password: demoParent.password,
  email: "sophie.martin@example.org",
} as const;

export const demoAgent = {
  login: "agent.demo",
  password: "Agent-Demo-2026",
  email: "agent.demo@carbon-blanc.example",
  displayName: "Agnès AGENT",
  /** Second factor (TOTP) of the demo, public like the password: `npm run totp -- <login>` prints the current code. */
  totpSecret: "ESPACEFAMILLEAGENTDEMOTOTPSECRET",
} as const;

export const demoAdmin = {
  login: "admin.demo",
  password: "Admin-Demo-2026",
  email: "admin.demo@carbon-blanc.example",
  displayName: "Alain ADMIN",
  /** Second factor (TOTP) of the demo, public like the password: `npm run totp -- <login>` prints the current code. */
  totpSecret: "ESPACEFAMILLEADMINDEMOTOTPSECRET",
} as const;

/** A parent whose validated family has two children enrolled in ALSH and restauration (reservations demo). */
export const demoParentWithChildren = {
  login: "claire.durand",
  password: demoParent.password,
  email: "claire.durand@example.org",
} as const;

/** A parent of a validated family with invoices (billing demo: one to pay, one month in draft for staff). */
export const demoParentWithInvoices = {
  login: "claire.facture",
  password: demoParent.password,
  email: "claire.facture@example.org",
} as const;
