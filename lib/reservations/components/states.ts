import type { DayState } from "../rules/day-state";

/** Colours of a day's state: text and border always readable (contrast 4.5:1), never colour alone. */
export function stateClass(state: DayState): string {
  switch (state.kind) {
    case "reserve":
      return "border-green-700 bg-green-50 text-green-900";
    case "en-attente":
    case "demande":
      return "border-amber-700 bg-amber-50 text-amber-900";
    case "propose":
      return "border-blue-700 bg-blue-50 text-blue-900";
    case "libre":
      return "border-slate-400 bg-white text-slate-900";
    case "complet":
      return "border-red-700 bg-red-50 text-red-900";
    default:
      return "border-slate-300 bg-slate-100 text-slate-700";
  }
}
