"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { AttendanceStatus } from "@/lib/generated/prisma/client";
import { authorizeStaff } from "@/lib/platform/security/authorize";
import { staffCaller } from "@/lib/staff";
import { decideEnrolment } from "./enrolment";
import { isDay } from "./rules/days";
import { isLotteryPriority } from "./rules/lottery";
import { staffReasonSchema } from "./schemas";
import { addWalkIn, recordAttendance, staffBook, staffCancel, updateActivityRules, updateCapacities } from "./staff";

/** Back to the page the form came from (only our own /admin/reservations pages), with a message. */
function back(formData: FormData, message: string, kind: "ok" | "erreur" = "ok"): never {
  const from = String(formData.get("retour") ?? "");
  const path = /^\/admin\/reservations(\/[A-Za-z0-9-]+){0,3}$/.test(from) ? from : "/admin/reservations";
  revalidatePath(path);
  redirect(`${path}?${kind}=${encodeURIComponent(message)}`);
}

export async function decideEnrolmentAction(formData: FormData): Promise<void> {
  const caller = await staffCaller();
  const staff = await authorizeStaff(caller);
  const decision = formData.get("decision") === "refuse" ? "refuse" : "accept";
  const outcome = await decideEnrolment(staff, {
    enrolmentId: String(formData.get("inscription") ?? ""),
    decision,
    reason: String(formData.get("motif") ?? ""),
  });
  if (!outcome.ok) back(formData, outcome.reasons.join(" "), "erreur");
  back(
    formData,
    outcome.status === "ACCEPTED"
      ? "Inscription acceptée : la famille est prévenue."
      : outcome.status === "REFUSED"
        ? "Inscription refusée : la famille est prévenue du motif."
        : `Plus de place : demande en liste d'attente (position ${outcome.position}).`,
  );
}

const ATTENDANCE: AttendanceStatus[] = ["PRESENT", "ABSENT", "ABSENT_EXCUSED", "LATE", "LEFT_EARLY"];

export async function attendanceAction(formData: FormData): Promise<void> {
  const caller = await staffCaller();
  const status = String(formData.get("pointage") ?? "") as AttendanceStatus;
  if (!ATTENDANCE.includes(status)) back(formData, "Choisissez un pointage.", "erreur");
  const outcome = await recordAttendance(caller, {
    bookingId: String(formData.get("reservation") ?? ""),
    status,
    time: String(formData.get("heure") ?? "") || null,
  });
  if (!outcome.ok) back(formData, outcome.reason, "erreur");
  back(formData, "Pointage enregistré.");
}

export async function walkInAction(formData: FormData): Promise<void> {
  const caller = await staffCaller();
  const outcome = await addWalkIn(caller, {
    activityCode: String(formData.get("activite") ?? ""),
    day: String(formData.get("jour") ?? ""),
    unitId: String(formData.get("unite") ?? ""),
    childId: String(formData.get("enfant") ?? ""),
  });
  if (!outcome.ok) back(formData, outcome.reason, "erreur");
  back(formData, "Présence imprévue ajoutée.");
}

export async function staffBookAction(formData: FormData): Promise<void> {
  const caller = await staffCaller();
  const reason = staffReasonSchema.safeParse(formData.get("motif") ?? "");
  if (!reason.success) back(formData, reason.error.issues[0]!.message, "erreur");
  const day = String(formData.get("jour") ?? "");
  if (!isDay(day)) back(formData, "Date invalide.", "erreur");
  const outcome = await staffBook(caller, {
    childId: String(formData.get("enfant") ?? ""),
    activityId: String(formData.get("activiteId") ?? ""),
    day,
    unitId: String(formData.get("unite") ?? ""),
    reason: reason.data,
  });
  if (!outcome || outcome.status === "REFUSED")
    back(formData, outcome && outcome.status === "REFUSED" ? outcome.reason : "Réservation impossible.", "erreur");
  back(
    formData,
    outcome.status === "BOOKED"
      ? "Réservé pour la famille."
      : `Complet : en liste d'attente (position ${"position" in outcome ? outcome.position : 1}).`,
  );
}

export async function staffCancelAction(formData: FormData): Promise<void> {
  const caller = await staffCaller();
  const reason = staffReasonSchema.safeParse(formData.get("motif") ?? "");
  if (!reason.success) back(formData, reason.error.issues[0]!.message, "erreur");
  const outcome = await staffCancel(caller, { bookingId: String(formData.get("reservation") ?? ""), reason: reason.data });
  if (!outcome.ok) back(formData, outcome.reason, "erreur");
  back(formData, outcome.late ? "Annulé hors délai (motif enregistré)." : "Réservation annulée.");
}

const rulesSchema = z.object({
  validation: z.enum(["AUTOMATIC", "STAFF"]),
  bookingDaysBefore: z.coerce.number().int().min(0, "0 à 60 jours.").max(60, "0 à 60 jours."),
  bookingTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure au format hh:mm."),
  cancelDaysBefore: z.coerce.number().int().min(0, "0 à 60 jours.").max(60, "0 à 60 jours."),
  cancelTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure au format hh:mm."),
  workingDays: z.boolean(),
  offerHours: z.coerce.number().int().min(1, "1 à 336 heures.").max(336, "1 à 336 heures."),
  waitingList: z.boolean(),
  requiresChildFile: z.boolean(),
  lotteryPriorities: z.array(z.string()).transform((codes) => [...new Set(codes.filter(isLotteryPriority))]),
});

export async function rulesAction(formData: FormData): Promise<void> {
  const caller = await staffCaller("ADMINISTRATOR");
  const parsed = rulesSchema.safeParse({
    validation: formData.get("validation"),
    bookingDaysBefore: formData.get("bookingDaysBefore"),
    bookingTime: formData.get("bookingTime"),
    cancelDaysBefore: formData.get("cancelDaysBefore"),
    cancelTime: formData.get("cancelTime"),
    workingDays: formData.get("workingDays") === "on",
    offerHours: formData.get("offerHours"),
    waitingList: formData.get("waitingList") === "on",
    requiresChildFile: formData.get("requiresChildFile") === "on",
    lotteryPriorities: [1, 2, 3].map((rank) => String(formData.get(`priorite${rank}`) ?? "")).filter(Boolean),
  });
  if (!parsed.success)
    back(formData, parsed.error.issues.map((issue) => `${String(issue.path[0])} : ${issue.message}`).join(" "), "erreur");
  await updateActivityRules(caller, String(formData.get("activiteId") ?? ""), parsed.data);
  back(formData, "Règles enregistrées.");
}

/** Administrators: places per group and unit (fields "places|<groupId>|<unitId>"). */
export async function capacitiesAction(formData: FormData): Promise<void> {
  const caller = await staffCaller("ADMINISTRATOR");
  const changes: { groupId: string; unitId: string; capacity: number }[] = [];
  for (const [name, value] of formData.entries()) {
    const [prefix, groupId, unitId] = name.split("|");
    if (prefix !== "places" || !groupId || !unitId || typeof value !== "string") continue;
    if (!/^\d{1,4}$/.test(value.trim()))
      back(formData, "Chaque nombre de places est un nombre entier entre 0 et 9999 : rien n'a été enregistré.", "erreur");
    changes.push({ groupId, unitId, capacity: Number(value.trim()) });
  }
  const { capped } = await updateCapacities(caller, String(formData.get("activiteId") ?? ""), changes);
  if (capped.length > 0) {
    const days = [...new Set(capped.map((entry) => entry.day))].sort();
    back(
      formData,
      `Places enregistrées. ${days.length === 1 ? "Un jour garde" : `${days.length} jours gardent`} plus de places que le nouveau nombre, car elles sont déjà réservées (${days.slice(0, 5).join(", ")}${days.length > 5 ? "…" : ""}) : aucune réservation n'a été retirée.`,
    );
  }
  back(
    formData,
    "Places enregistrées : les jours à venir les appliquent, et les familles en liste d'attente se voient proposer les nouvelles places dans les deux minutes.",
  );
}
