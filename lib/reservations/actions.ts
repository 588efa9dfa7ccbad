"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireParent } from "@/lib/auth";
import { db } from "@/lib/platform/db";
import { storeDocument } from "@/lib/documents";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { childOfFamily, type Actor } from "./access";
import { acceptOffer, bookDays, cancelBooking, declareAbsence, swapBooking, type BookingOutcome } from "./booking";
import { requestEnrolment } from "./enrolment";
import { ENROLMENT_STATUS_LABELS } from "./rules/enrolment";
import { longDay } from "./rules/days";
import { openDays } from "./rules/closures";
import { dayOf } from "./rules/days";
import { daysOfPattern } from "./rules/week-pattern";
import { parisDay } from "./rules/deadlines";
import { bookingSelectionSchema, enrolmentRequestSchema, swapSchema, weekPatternSchema } from "./schemas";
import type { ActionState } from "@/lib/platform/actions/action-state";

export type ReservationState = ActionState & {
  /** One line per day asked for: booked, or why not. */
  results?: { text: string; ok: boolean }[];
};

const NO_FAMILY = "Votre famille doit d'abord être déclarée et validée par nos services.";

async function parentActor(returnTo: string): Promise<(Actor & { kind: "parent" }) | null> {
  const parent = await requireParent(returnTo);
  return parent.familyId ? { kind: "parent", accountId: parent.id, familyId: parent.familyId } : null;
}

function firstErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/** « Inscrire » one or several children in an activity for a period. */
export async function enrolAction(_previous: ReservationState, formData: FormData): Promise<ReservationState> {
  const actor = await parentActor("/espace/reservations/inscription");
  if (!actor) return { status: "error", message: NO_FAMILY };
  const parsed = enrolmentRequestSchema.safeParse({
    childIds: formData.getAll("enfant").map(String),
    periodId: String(formData.get("periode") ?? ""),
  });
  if (!parsed.success)
    return {
      status: "error",
      message: "Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie.",
      fieldErrors: firstErrors(parsed.error.issues),
    };
  const results: ReservationState["results"] = [];
  try {
    for (const childId of parsed.data.childIds) {
      const child = await childOfFamily(actor.familyId, childId);
      const outcome = await requestEnrolment(actor, { childId, periodId: parsed.data.periodId });
      results.push(
        outcome.ok
          ? {
              ok: outcome.status !== "REFUSED",
              text: `${child.firstName} : ${ENROLMENT_STATUS_LABELS[outcome.status].toLowerCase()}${outcome.status === "WAITLISTED" && outcome.position ? ` (position ${outcome.position})` : ""}`,
            }
          : { ok: false, text: `${child.firstName} : ${outcome.reasons.join(" ")}` },
      );
    }
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/espace/reservations");
  return { status: "done", message: "Demande d'inscription enregistrée.", results };
}

async function describe(outcomes: { childId: string; outcome: BookingOutcome }[]): Promise<NonNullable<ReservationState["results"]>> {
  const ids = [...new Set(outcomes.map((item) => item.childId))];
  const unitIds = [...new Set(outcomes.map((item) => item.outcome.unitId))];
  const [children, units] = await Promise.all([
    db().familyMember.findMany({ where: { id: { in: ids } }, select: { id: true, firstName: true } }),
    db().activityUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, label: true } }),
  ]);
  return outcomes.map(({ childId, outcome }) => {
    const who = `${children.find((child) => child.id === childId)?.firstName ?? ""}, ${longDay(outcome.day)} (${units.find((unit) => unit.id === outcome.unitId)?.label ?? ""})`;
    switch (outcome.status) {
      case "BOOKED":
        return { ok: true, text: `${who} : réservé${outcome.already ? " (déjà réservé)" : ""}` };
      case "WAITLISTED":
        return { ok: true, text: `${who} : complet, en liste d'attente (position ${outcome.position ?? 1})` };
      case "OFFERED":
        return { ok: true, text: `${who} : une place vous est proposée, acceptez-la` };
      case "REQUESTED":
        return { ok: true, text: `${who} : demande enregistrée, attribution par tirage au sort à la fin de l'ouverture` };
      case "REFUSED":
        return { ok: false, text: `${who} : ${outcome.reason}` };
    }
  });
}

/**
 * The calendar's form: book (or join the waiting list of) the ticked days, or, from a day's own button, cancel it
 * or accept a place offered. Every rule is checked again on the server.
 */
export async function calendarAction(_previous: ReservationState, formData: FormData): Promise<ReservationState> {
  const actor = await parentActor("/espace/reservations");
  if (!actor) return { status: "error", message: NO_FAMILY };
  const cancelId = formData.get("annuler");
  const acceptId = formData.get("accepter");
  if (typeof cancelId === "string" || typeof acceptId === "string") {
    const outcome = typeof cancelId === "string" ? await cancelBooking(actor, cancelId) : await acceptOffer(actor, String(acceptId));
    revalidatePath("/espace/reservations", "layout");
    return outcome.ok
      ? { status: "done", message: typeof cancelId === "string" ? "Réservation annulée." : "Place acceptée : le jour est réservé." }
      : { status: "error", message: outcome.reason };
  }
  const parsed = bookingSelectionSchema.safeParse({
    activityId: String(formData.get("activite") ?? ""),
    cells: formData.getAll("case").map(String),
  });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "Cochez au moins un jour." };
  const byChild = new Map<string, { day: string; unitId: string }[]>();
  for (const cell of parsed.data.cells)
    byChild.set(cell.childId, [...(byChild.get(cell.childId) ?? []), { day: cell.day, unitId: cell.unitId }]);
  const outcomes: { childId: string; outcome: BookingOutcome }[] = [];
  try {
    for (const [childId, items] of byChild) {
      for (const outcome of await bookDays(actor, { childId, activityId: parsed.data.activityId, items }))
        outcomes.push({ childId, outcome });
    }
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/espace/reservations", "layout");
  const results = await describe(outcomes);
  return {
    status: results.every((result) => result.ok) ? "done" : "error",
    message: "Votre demande a été traitée : voici le détail, jour par jour.",
    results,
  };
}

/** « tous les lundis, mardis et jeudis jusqu'à la fin de la période », for one or several children. */
export async function weekPatternAction(_previous: ReservationState, formData: FormData): Promise<ReservationState> {
  const actor = await parentActor("/espace/reservations");
  if (!actor) return { status: "error", message: NO_FAMILY };
  const parsed = weekPatternSchema.safeParse({
    activityId: String(formData.get("activite") ?? ""),
    childIds: formData.getAll("enfant").map(String),
    unitId: String(formData.get("unite") ?? ""),
    weekdays: formData.getAll("jour").map(String),
  });
  if (!parsed.success)
    return {
      status: "error",
      message: "Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie.",
      fieldErrors: firstErrors(parsed.error.issues),
    };
  const today = parisDay(new Date());
  const outcomes: { childId: string; outcome: BookingOutcome }[] = [];
  try {
    for (const childId of parsed.data.childIds) {
      await childOfFamily(actor.familyId, childId);
      const enrolments = await db().enrolment.findMany({
        where: { childId, familyId: actor.familyId, activityId: parsed.data.activityId, status: "ACCEPTED" },
        include: { period: true },
      });
      const closures = (await db().closure.findMany({ where: { OR: [{ activityId: null }, { activityId: parsed.data.activityId }] } })).map(
        (closure) => ({ date: dayOf(closure.date), reason: closure.reason }),
      );
      const days = enrolments.flatMap(({ period }) => {
        const calendar = {
          kind: period.kind,
          startDate: dayOf(period.startDate),
          endDate: dayOf(period.endDate),
          weekdays: period.weekdays,
        };
        return daysOfPattern(openDays(calendar, closures), parsed.data.weekdays, today, calendar.endDate);
      });
      // Days already past their deadline are skipped quietly: the pattern is "from now on".
      const answered = await bookDays(actor, {
        childId,
        activityId: parsed.data.activityId,
        items: days.map((day) => ({ day, unitId: parsed.data.unitId })),
      });
      for (const outcome of answered)
        if (!(outcome.status === "REFUSED" && outcome.reason.startsWith("Hors délai"))) outcomes.push({ childId, outcome });
    }
  } catch (error) {
    if (error instanceof ForbiddenError) return { status: "error", message: error.message };
    throw error;
  }
  revalidatePath("/espace/reservations", "layout");
  if (outcomes.length === 0) return { status: "error", message: "Aucun jour ne correspond d'ici la fin de la période." };
  const results = await describe(outcomes);
  const booked = outcomes.filter((item) => item.outcome.status === "BOOKED").length;
  return { status: "done", message: `${booked} jour${booked > 1 ? "s" : ""} réservé${booked > 1 ? "s" : ""} d'un coup.`, results };
}

/** Past the cancellation deadline: the absence is declared, with a medical certificate when there is one. */
export async function absenceAction(_previous: ReservationState, formData: FormData): Promise<ReservationState> {
  const actor = await parentActor("/espace/reservations");
  if (!actor) return { status: "error", message: NO_FAMILY };
  const bookingId = String(formData.get("reservation") ?? "");
  const file = formData.get("certificat");
  let documentId: string | null = null;
  if (file instanceof File && file.size > 0) {
    const stored = await storeDocument(actor.accountId, file, "AUTRE");
    if (!stored.ok) return { status: "error", message: stored.message, fieldErrors: { certificat: stored.message } };
    documentId = stored.documentId;
  }
  const outcome = await declareAbsence(actor, bookingId, documentId);
  if (!outcome.ok) return { status: "error", message: outcome.reason };
  revalidatePath("/espace/reservations", "layout");
  return {
    status: "done",
    message: documentId
      ? "Absence déclarée avec son certificat : elle est justifiée."
      : "Absence déclarée. Sans certificat, la journée reste due.",
  };
}

/** Swap a booked day for another in one step. */
export async function swapAction(_previous: ReservationState, formData: FormData): Promise<ReservationState> {
  const actor = await parentActor("/espace/reservations");
  if (!actor) return { status: "error", message: NO_FAMILY };
  const parsed = swapSchema.safeParse({
    bookingId: String(formData.get("reservation") ?? ""),
    target: String(formData.get("nouveau") ?? ""),
  });
  if (!parsed.success)
    return {
      status: "error",
      message: parsed.error.issues[0]?.message ?? "Choisissez le nouveau jour.",
      fieldErrors: firstErrors(parsed.error.issues),
    };
  const [day, unitId] = parsed.data.target.split("|") as [string, string];
  const outcome = await swapBooking(actor, { bookingId: parsed.data.bookingId, day, unitId });
  if (!outcome.ok) return { status: "error", message: outcome.reason };
  revalidatePath("/espace/reservations", "layout");
  redirect("/espace/reservations?echange=ok");
}

/** From the reservations home: accept a place offered from a waiting list. */
export async function acceptOfferAction(formData: FormData): Promise<void> {
  const actor = await parentActor("/espace/reservations");
  if (!actor) redirect("/espace/reservations");
  const outcome = await acceptOffer(actor, String(formData.get("reservation") ?? ""));
  redirect(outcome.ok ? "/espace/reservations?place=acceptee" : `/espace/reservations?erreur=${encodeURIComponent(outcome.reason)}`);
}
