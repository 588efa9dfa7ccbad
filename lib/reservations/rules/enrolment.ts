import { ageOn, type Day } from "./days";

export interface GroupRange {
  id: string;
  name: string;
  minAge: number;
  maxAge: number;
}

export type Eligibility = { ok: true; groupId: string | null } | { ok: false; reason: string };

/**
 * Whether a child may be enrolled in an activity for a period, by age at the period's start, and the group
 * the child belongs to (the first whose ages include the child).
 */
export function eligibility(
  child: { birthDate: Day | null },
  activity: { minAge: number; maxAge: number },
  periodStart: Day,
  groups: readonly GroupRange[],
): Eligibility {
  if (!child.birthDate) return { ok: false, reason: "La date de naissance de l'enfant est inconnue : complétez le dossier de la famille." };
  const age = ageOn(child.birthDate, periodStart);
  if (age < activity.minAge)
    return {
      ok: false,
      reason: `Activité ouverte à partir de ${activity.minAge} ans (l'enfant aura ${Math.max(age, 0)} an${age > 1 ? "s" : ""} au début de la période).`,
    };
  if (age > activity.maxAge)
    return { ok: false, reason: `Activité ouverte jusqu'à ${activity.maxAge} ans (l'enfant aura ${age} ans au début de la période).` };
  const group = groups.find((candidate) => candidate.minAge <= age && age <= candidate.maxAge);
  if (groups.length > 0 && !group) return { ok: false, reason: `Aucun groupe ne correspond à l'âge de l'enfant (${age} ans).` };
  return { ok: true, groupId: group?.id ?? null };
}

export const ENROLMENT_STATUS_LABELS: Record<"REQUESTED" | "ACCEPTED" | "WAITLISTED" | "REFUSED" | "CANCELLED", string> = {
  REQUESTED: "Demandée",
  ACCEPTED: "Acceptée",
  WAITLISTED: "En liste d'attente",
  REFUSED: "Refusée",
  CANCELLED: "Annulée",
};
