import { z } from "zod";
import { invalidMessage, requiredMessage as required, tooLongMessage } from "@/lib/platform/validation/messages";
import { forbiddenCharactersMessage, hasForbiddenCharacters, hasVisibleText, invisibleTextMessage } from "@/lib/platform/validation/text";

/** Refuses control characters, bidi overrides and lone surrogates (see lib/platform/validation/text.ts). */
const clean = (label: string, { multiline = false } = {}) =>
  z
    .string({ error: invalidMessage(label) })
    .refine((value) => !hasForbiddenCharacters(value, { multiline }), forbiddenCharactersMessage(label));

/**
 * What administrators may change from /admin over the town configuration (lib/platform/town/towns/*.ts):
 * contact details, legal texts, and whether agents need a second factor.
 */
const lines = (label: string, max: number) =>
  clean(label, { multiline: true })
    .max(4000, tooLongMessage(label, 4000))
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(300, `Chaque ligne du champ '${label}' compte au plus 300 caractères.`))
        .min(1, required(label))
        .max(max, `Le champ '${label}' compte au plus ${max} lignes.`),
    );

export const townContactSchema = z.object({
  service: clean("service")
    .trim()
    .min(1, required("service"))
    .max(200, tooLongMessage("service", 200))
    .refine(hasVisibleText, invisibleTextMessage("service")),
  address: lines("adresse", 6),
  phone: clean("téléphone").trim().min(1, required("téléphone")).max(40, tooLongMessage("téléphone", 40)),
  email: z
    .email({ message: "Le champ 'courriel' doit être une adresse électronique valide (exemple : nom@domaine.fr)." })
    .max(200, tooLongMessage("courriel", 200)),
  hours: lines("horaires", 8),
});
export type TownContact = z.infer<typeof townContactSchema>;

export interface LegalSection {
  title: string;
  paragraphs: string[];
}

/**
 * Legal texts are typed as plain text: "## Titre" starts a section, a blank line separates paragraphs.
 * No HTML or Markdown reaches the page, so nothing an administrator types can inject markup.
 */
export function parseSections(text: string): LegalSection[] {
  const sections: LegalSection[] = [];
  let current: LegalSection | undefined;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length && current) current.paragraphs.push(paragraph.join(" "));
    paragraph = [];
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("## ")) {
      flush();
      current = { title: line.slice(3).trim(), paragraphs: [] };
      sections.push(current);
    } else if (!line) {
      flush();
    } else {
      if (!current) {
        current = { title: "Informations", paragraphs: [] };
        sections.push(current);
      }
      paragraph.push(line);
    }
  }
  flush();
  return sections.filter((section) => section.title && section.paragraphs.length);
}

export function formatSections(sections: LegalSection[]): string {
  return sections.map((section) => [`## ${section.title}`, ...section.paragraphs].join("\n\n")).join("\n\n");
}

const sectionsText = (label: string) =>
  clean(label, { multiline: true })
    .max(60_000, `Le champ '${label}' est trop long.`)
    .transform(parseSections)
    .pipe(
      z
        .array(
          z.object({
            title: z.string().max(200, `Un titre de section du champ '${label}' compte au plus 200 caractères.`),
            paragraphs: z.array(z.string().max(5000, `Un paragraphe du champ '${label}' compte au plus 5000 caractères.`)),
          }),
        )
        .min(1, `Le champ '${label}' doit contenir au moins une section (une ligne « ## Titre » suivie d'un paragraphe).`),
    );

export const legalTextsSchema = z.object({
  mentionsLegales: sectionsText("mentions légales"),
  cgu: sectionsText("conditions générales d'utilisation"),
  cguVersion: z
    .string({ error: required("version des CGU") })
    .trim()
    .min(1, required("version des CGU"))
    .max(40, tooLongMessage("version des CGU", 40))
    .regex(/^[\w.-]+$/, "Le champ 'version des CGU' ne contient que des lettres, chiffres, points et tirets (exemple : 2026-11)."),
});
export type LegalTexts = z.infer<typeof legalTextsSchema>;
