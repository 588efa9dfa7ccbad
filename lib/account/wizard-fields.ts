/**
 * The wizard's steps and the words and rules its forms show, without zod: the step components import these
 * with the page, and load the zod schemas (./schemas.ts) only when the parent first enters a field.
 */
export const SIGNUP_STEPS = [
  { slug: "bienvenue", title: "Bienvenue" },
  { slug: "identite", title: "Identité" },
  { slug: "adresse", title: "Adresse" },
  { slug: "contact", title: "Moyens de contact" },
  { slug: "authentification", title: "Authentification" },
  { slug: "securite", title: "Contrôle de sécurité" },
] as const;

export type SignupStepSlug = (typeof SIGNUP_STEPS)[number]["slug"];

export const civilityOptions = [
  { value: "MONSIEUR", label: "Monsieur" },
  { value: "MADAME", label: "Madame" },
] as const;

export const contactMeansOptions = [
  { value: "EMAIL", label: "Courriel" },
  { value: "MOBILE", label: "Mobile" },
  { value: "PHONE", label: "Téléphone" },
  { value: "SMS", label: "SMS" },
  { value: "POSTAL_MAIL", label: "Courrier" },
] as const;

/** "Identifiant d'utilisateur": 3 to 50 letters, digits, dot, dash, underscore or @; compared in lower case. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,49}$/;
