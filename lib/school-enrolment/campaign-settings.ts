import "server-only";
import { z } from "zod";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { town } from "@/lib/platform/town";
import type { SchoolEnrolmentCampaign } from "@/lib/platform/town/types";

/**
 * The enrolment campaign: the town configuration's dates, unless an administrator set others from
 * /admin/inscriptions-scolaires (a TownSetting row, read on each request: a campaign opens on the day it says).
 */
const KEY = "schoolEnrolment.campaign";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) =>
  DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const campaignSchema = z
  .object({
    schoolYearStart: z.coerce
      .number({ error: "Le champ 'année scolaire' doit être une année (exemple : 2027)." })
      .int("Le champ 'année scolaire' doit être une année (exemple : 2027).")
      .min(2020, "Le champ 'année scolaire' doit être une année entre 2020 et 2100.")
      .max(2100, "Le champ 'année scolaire' doit être une année entre 2020 et 2100."),
    opensOn: z.string().refine(isDay, "Le champ 'ouverture' doit être une date valide."),
    closesOn: z.string().refine(isDay, "Le champ 'fermeture' doit être une date valide."),
  })
  .refine((value) => value.closesOn >= value.opensOn, {
    path: ["closesOn"],
    message: "La fermeture doit être le jour de l'ouverture ou après.",
  });

export async function currentCampaign(): Promise<SchoolEnrolmentCampaign | undefined> {
  const row = await db().townSetting.findUnique({ where: { key: KEY }, select: { value: true } });
  const stored = campaignSchema.safeParse(row?.value);
  return stored.success ? stored.data : town().schoolEnrolment;
}

/** Administrators only. Field errors come back as ExpectedError naming the field. */
export async function saveCampaign(caller: Caller, input: Record<string, unknown>): Promise<SchoolEnrolmentCampaign> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  const parsed = campaignSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ExpectedError(issue.message, String(issue.path[0]));
  }
  const value = parsed.data;
  await db().townSetting.upsert({
    where: { key: KEY },
    update: { value, updatedById: actor.id },
    create: { key: KEY, value, updatedById: actor.id },
  });
  await audit({
    ...staffAudit(actor),
    action: "school-enrolment.campaign.updated",
    targetType: "TownSetting",
    targetId: KEY,
    details: value,
  });
  return value;
}
