import { deadlineFor, formatInstant, type DeadlineRule } from "./deadlines";
import type { Day } from "./days";

/** What a parent sees on a day and unit of the calendar. */
export type DayState =
  | { kind: "ferme"; reason: string }
  | { kind: "pas-ouvert"; opensAt: Date }
  | { kind: "reserve"; cancellableUntil: Date; cancellable: boolean }
  | { kind: "en-attente"; position: number }
  | { kind: "propose"; expiresAt: Date }
  | { kind: "demande" }
  | { kind: "libre"; remaining: number; bookableUntil: Date }
  | { kind: "complet"; waitingList: boolean; bookableUntil: Date }
  | { kind: "hors-delai"; deadline: Date };

export interface DayFacts {
  day: Day;
  now: Date;
  closedReason: string | null;
  bookingOpensAt: Date | null;
  booking: { status: string; position?: number; offerExpiresAt?: Date | null } | null;
  remaining: number;
  waitingList: boolean;
  bookingRule: DeadlineRule;
  cancelRule: DeadlineRule;
}

export function dayState(facts: DayFacts): DayState {
  if (facts.closedReason) return { kind: "ferme", reason: facts.closedReason };
  const bookableUntil = deadlineFor(facts.day, facts.bookingRule);
  const cancellableUntil = deadlineFor(facts.day, facts.cancelRule);
  switch (facts.booking?.status) {
    case "BOOKED":
      return { kind: "reserve", cancellableUntil, cancellable: facts.now < cancellableUntil };
    case "WAITLISTED":
      return { kind: "en-attente", position: facts.booking.position ?? 1 };
    case "OFFERED":
      return { kind: "propose", expiresAt: facts.booking.offerExpiresAt ?? facts.now };
    case "REQUESTED":
      return { kind: "demande" };
  }
  if (facts.now >= bookableUntil) return { kind: "hors-delai", deadline: bookableUntil };
  if (facts.bookingOpensAt && facts.now < facts.bookingOpensAt) return { kind: "pas-ouvert", opensAt: facts.bookingOpensAt };
  if (facts.remaining <= 0) return { kind: "complet", waitingList: facts.waitingList, bookableUntil };
  return { kind: "libre", remaining: facts.remaining, bookableUntil };
}

/** The French words of a state, for the calendar cell and its accessible name. */
export function describeDayState(state: DayState): { label: string; detail: string } {
  switch (state.kind) {
    case "ferme":
      return { label: "Fermé", detail: state.reason };
    case "pas-ouvert":
      return { label: "Pas encore ouvert", detail: `Réservations à partir du ${formatInstant(state.opensAt)}` };
    case "reserve":
      return state.cancellable
        ? { label: "Réservé", detail: `Annulable jusqu'au ${formatInstant(state.cancellableUntil)}` }
        : { label: "Réservé", detail: "Délai d'annulation dépassé : vous pouvez déclarer une absence avec un certificat" };
    case "en-attente":
      return { label: "En attente", detail: `Liste d'attente : position ${state.position}` };
    case "propose":
      return { label: "Place proposée", detail: `À accepter avant le ${formatInstant(state.expiresAt)}` };
    case "demande":
      return { label: "Demandé", detail: "Demande reçue à l'ouverture : attribution par tirage au sort" };
    case "libre":
      return {
        label: "Libre",
        detail: `${state.remaining} place${state.remaining > 1 ? "s" : ""} — réservable jusqu'au ${formatInstant(state.bookableUntil)}`,
      };
    case "complet":
      return { label: "Complet", detail: state.waitingList ? "Vous pouvez vous inscrire sur la liste d'attente" : "Plus de place" };
    case "hors-delai":
      return { label: "Hors délai", detail: `Réservations closes depuis le ${formatInstant(state.deadline)}` };
  }
}
