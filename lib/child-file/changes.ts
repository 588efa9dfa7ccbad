import type { ChildFileConfig } from "@/lib/platform/town/types";
import { formatPhone } from "@/lib/platform/validation/phone";
import { frenchDay } from "./rules";
import type { AuthorisationAnswer, ChildFileContent } from "./schemas";

/**
 * What changed between two versions of a file, field by field, in French: the history keeps only the
 * labels (who changed what), the parents' yearly review shows the values too (before / after).
 */
export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

const NONE = "—";
const joinOr = (values: string[]) => (values.length ? values.join(" ; ") : NONE);

function authorisationText(answer: AuthorisationAnswer | undefined): string {
  if (!answer) return "non renseignée";
  if (!answer.granted) return "non";
  const extra = [
    answer.fromAge ? `à partir de ${answer.fromAge} ans` : null,
    answer.activities ? `pour : ${answer.activities}` : null,
  ].filter(Boolean);
  return extra.length ? `oui (${extra.join(", ")})` : "oui";
}

/** Each field of a file as the parent reads it. */
export function readableFields(
  content: ChildFileContent,
  config: Pick<ChildFileConfig, "diets" | "authorisations">,
): { label: string; value: string }[] {
  const { health } = content;
  return [
    {
      label: "Allergies",
      value: joinOr(
        health.allergies.map((a) =>
          [a.name, a.reaction ? `réaction : ${a.reaction}` : null, a.action ? `conduite à tenir : ${a.action}` : null]
            .filter(Boolean)
            .join(", "),
        ),
      ),
    },
    {
      label: "PAI",
      value: health.pai
        ? `oui${health.paiEndDate ? `, jusqu'au ${frenchDay(health.paiEndDate)}` : ""}${health.paiDocumentId ? " (document joint)" : ""}`
        : "non",
    },
    { label: "Traitement régulier", value: health.treatment ?? NONE },
    {
      label: "Régime alimentaire",
      value: health.diet ? (config.diets.find((diet) => diet.code === health.diet)?.label ?? health.diet) : NONE,
    },
    {
      label: "Vaccinations DTP",
      value: `${joinOr(health.dtpDates.map(frenchDay))}${health.vaccinationDocumentId ? " (page des vaccinations jointe)" : ""}`,
    },
    {
      label: "Médecin traitant",
      value: [health.doctorName, health.doctorPhone ? formatPhone(health.doctorPhone) : null].filter(Boolean).join(", ") || NONE,
    },
    ...config.authorisations.map((item) => ({
      label: `Autorisation : ${item.title}`,
      value: authorisationText(content.authorisations[item.code]),
    })),
    {
      label: "Personnes autorisées à venir chercher l'enfant",
      value: joinOr(content.pickup.map((p) => `${p.name} (${p.relationship}, ${formatPhone(p.phone)})`)),
    },
  ];
}

export function describeChanges(
  before: ChildFileContent | null,
  after: ChildFileContent,
  config: Pick<ChildFileConfig, "diets" | "authorisations">,
): FieldChange[] {
  const next = readableFields(after, config);
  if (!before)
    return next.filter((field) => field.value !== NONE).map((field) => ({ label: field.label, before: NONE, after: field.value }));
  const previous = new Map(readableFields(before, config).map((field) => [field.label, field.value]));
  return next
    .filter((field) => previous.get(field.label) !== field.value)
    .map((field) => ({ label: field.label, before: previous.get(field.label) ?? NONE, after: field.value }));
}

/** A new PAI or a new allergy: staff on duty must check it (the "vu" mark). */
export function needsStaffAttention(before: ChildFileContent | null, after: ChildFileContent): boolean {
  if (
    after.health.pai &&
    (!before?.health.pai ||
      before.health.paiEndDate !== after.health.paiEndDate ||
      before.health.paiDocumentId !== after.health.paiDocumentId)
  )
    return true;
  const known = new Set((before?.health.allergies ?? []).map((allergy) => allergy.name.toLowerCase()));
  return after.health.allergies.some((allergy) => !known.has(allergy.name.toLowerCase()));
}
