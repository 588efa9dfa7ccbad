/**
 * The staff review of family declarations: the queue's filters (read from the address, so a filtered
 * queue can be bookmarked and shared) and the decision forms, validated the same way on every path.
 */
import { z } from "zod";
import type { DemarcheStatus } from "@/lib/generated/prisma/client";
import { requiredMessage, tooLongMessage } from "@/lib/platform/validation/messages";
import {
  forbiddenCharactersMessage,
  hasForbiddenCharacters,
  stripForbiddenCharacters,
  hasVisibleText,
  invisibleTextMessage,
} from "@/lib/platform/validation/text";

/** The queue's tabs, as staff name them, in the address as French slugs. */
export const QUEUE_TABS = [
  { slug: "a-traiter", status: "SUBMITTED", label: "À traiter" },
  { slug: "en-cours", status: "IN_REVIEW", label: "En cours" },
  { slug: "a-completer", status: "NEEDS_CORRECTION", label: "À compléter" },
  { slug: "validees", status: "ACCEPTED", label: "Validées" },
  { slug: "refusees", status: "REFUSED", label: "Refusées" },
] as const satisfies readonly { slug: string; status: DemarcheStatus; label: string }[];

export type QueueSlug = (typeof QUEUE_TABS)[number]["slug"];

export const STATUS_LABELS: Record<DemarcheStatus, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "À traiter",
  IN_REVIEW: "En cours",
  NEEDS_CORRECTION: "À compléter",
  ACCEPTED: "Validée",
  REFUSED: "Refusée",
};

export const SORTS = [
  { value: "anciennes", label: "Date d'envoi, les plus anciennes d'abord" },
  { value: "recentes", label: "Date d'envoi, les plus récentes d'abord" },
  { value: "nom", label: "Nom du titulaire (A à Z)" },
] as const;
export type QueueSort = (typeof SORTS)[number]["value"];

export const QUEUE_PAGE_SIZE = 25;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Anything malformed in the address falls back to the default rather than failing the page. */
export const queueFiltersSchema = z.object({
  statut: z
    .enum(QUEUE_TABS.map((tab) => tab.slug) as [QueueSlug, ...QueueSlug[]])
    .optional()
    .catch(undefined)
    .transform((value) => value ?? "a-traiter"),
  q: z
    .string()
    .trim()
    .max(100)
    .transform((value) => stripForbiddenCharacters(value))
    .optional()
    .catch(undefined),
  du: day,
  au: day,
  tri: z
    .enum(SORTS.map((sort) => sort.value) as [QueueSort, ...QueueSort[]])
    .optional()
    .catch(undefined)
    .transform((value) => value ?? "anciennes"),
  mes: z.literal("1").optional().catch(undefined),
  apres: z.string().max(300).optional().catch(undefined),
});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** The version the staff member saw: a decision on anything newer is refused, never silently applied. */
const version = z.coerce.number({ error: "Version de la déclaration manquante : rechargez la page." }).int().min(0);

const longText = (label: string, max: number) =>
  z
    .string({ error: requiredMessage(label) })
    .trim()
    .min(1, requiredMessage(label))
    .max(max, tooLongMessage(label, max))
    .refine((value) => !hasForbiddenCharacters(value, { multiline: true }), forbiddenCharactersMessage(label))
    .refine(hasVisibleText, invisibleTextMessage(label));

export const versionSchema = z.object({ version });

export const correctionSchema = z.object({
  version,
  message: longText("message au parent", 2000).refine(
    (value) => value.length >= 10,
    "Le message doit expliquer au parent ce qu'il doit corriger (10 caractères au moins).",
  ),
});

export const refusalSchema = z.object({
  version,
  reason: longText("motif du refus", 1000).refine(
    (value) => value.length >= 10,
    "Le motif doit être compréhensible par le parent (10 caractères au moins).",
  ),
});

/** A remark on one person ("personne:enfant-<id>") or one document kind ("piece:JUSTIFICATIF_DOMICILE"). */
export const remarkKeyPattern =
  /^(personne:(titulaire|co-representant|enfant-[0-9a-f-]{36}|contact-[0-9a-f-]{36})|piece:(LIVRET_FAMILLE|JUSTIFICATIF_DOMICILE|JUGEMENT))$/;
export const remarkText = longText("remarque", 500);

/** How many remark lines the correction form offers. */
export const REMARK_ROWS = 3;

export interface Remark {
  /** Where the remark points, in the parent's words ("Léa TESTO (enfant)", "Justificatif de domicile"). */
  target: string;
  key: string;
  message: string;
}

/** The message the parent reads: the agent's words, then each remark with what it is about. */
export function correctionText(message: string, remarks: Remark[]): string {
  if (!remarks.length) return message;
  return `${message}\n\nÀ corriger :\n${remarks.map((remark) => `- ${remark.target} : ${remark.message}`).join("\n")}`;
}
