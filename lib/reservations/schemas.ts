import { z } from "zod";
import { isDay } from "./rules/days";

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Choix invalide.");
const day = z.string().refine(isDay, "Date invalide.");

/** « Inscrire » : one or several children, one period. */
export const enrolmentRequestSchema = z.object({
  childIds: z.array(uuid).min(1, "Choisissez au moins un enfant."),
  periodId: uuid.or(z.literal("")).refine((value) => value !== "", "Choisissez une activité et une période."),
});

/** The calendar's ticked cells: "childId|day|unitId". */
export const bookingSelectionSchema = z.object({
  activityId: uuid,
  cells: z
    .array(
      z.string().transform((value, context) => {
        const [childId, cellDay, unitId] = value.split("|");
        if (!uuid.safeParse(childId).success || !day.safeParse(cellDay).success || !uuid.safeParse(unitId).success) {
          context.addIssue({ code: "custom", message: "Case invalide." });
          return z.NEVER;
        }
        return { childId: childId!, day: cellDay!, unitId: unitId! };
      }),
    )
    .min(1, "Cochez au moins un jour.")
    .max(400, "Trop de jours d'un coup : réservez mois par mois."),
});

/** « tous les lundis, mardis et jeudis jusqu'à la fin de la période » */
export const weekPatternSchema = z.object({
  activityId: uuid,
  childIds: z.array(uuid).min(1, "Choisissez au moins un enfant."),
  unitId: uuid.or(z.literal("")).refine((value) => value !== "", "Choisissez un temps d'accueil."),
  weekdays: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Cochez au moins un jour de la semaine."),
});

export const swapSchema = z.object({
  bookingId: uuid,
  target: z.string().regex(/^\d{4}-\d{2}-\d{2}\|[0-9a-f-]{36}$/i, "Choisissez le nouveau jour."),
});

export const staffReasonSchema = z.string().trim().min(3, "Indiquez le motif (3 caractères au moins).").max(300, "300 caractères au plus.");
