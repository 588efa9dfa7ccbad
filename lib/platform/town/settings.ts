import "server-only";
import { cache } from "react";
import { assertStorableText } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { PUBLIC_CONTENT_TTL_MS, shortLived } from "@/lib/platform/cache/short-lived";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { town, type TownConfig } from "./index";
import { z } from "zod";
import type { LegalTexts, TownContact } from "./settings-schema";

/** TownSetting keys. Each row overrides one part of the town configuration. */
const KEYS = { contact: "contact", legal: "legal", agentsNeedTotp: "staff.agentsNeedTotp" } as const;

/** The contact details as stored (lines already split), as opposed to the form that types them. */
const storedContactSchema = z.object({
  service: z.string(),
  address: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
  hours: z.array(z.string()),
});

/** Read by every public page that shows contact details or legal texts: a few seconds per process. */
const settingsRows = shortLived(PUBLIC_CONTENT_TTL_MS, () => db().townSetting.findMany({ select: { key: true, value: true } }));

async function readSettings(): Promise<Map<string, unknown>> {
  const rows = await settingsRows.get(undefined);
  return new Map(rows.map((row) => [row.key, row.value]));
}

/**
 * The town as the public pages show it: the configuration file, with what administrators changed
 * from /admin on top. The one function pages call for contact details and legal texts.
 */
export const townWithOverrides = cache(async (): Promise<TownConfig> => {
  const base = town();
  const settings = await readSettings();
  const contact = storedContactSchema.safeParse(settings.get(KEYS.contact));
  const legal = storedLegal(settings.get(KEYS.legal));
  return {
    ...base,
    contact: contact.success ? contact.data : base.contact,
    legal: legal ? { ...base.legal, ...legal } : base.legal,
  };
});

/** Legal texts are stored as sections (already parsed); anything else is ignored, the configuration stays. */
function storedLegal(value: unknown): LegalTexts | null {
  const stored = value as Partial<LegalTexts> | null;
  if (!stored || !Array.isArray(stored.mentionsLegales) || !Array.isArray(stored.cgu) || typeof stored.cguVersion !== "string") return null;
  return { mentionsLegales: stored.mentionsLegales, cgu: stored.cgu, cguVersion: stored.cguVersion };
}

/**
 * Whether agents must use a second factor (administrators always must). Required unless an administrator
 * explicitly turned it off: a new database, or a value that is not `false`, requires it.
 */
export async function agentsNeedTotp(): Promise<boolean> {
  const row = await db().townSetting.findUnique({ where: { key: KEYS.agentsNeedTotp } });
  return row?.value !== false;
}

async function save(key: string, value: Prisma.InputJsonValue, actorId: string) {
  await db().townSetting.upsert({ where: { key }, update: { value, updatedById: actorId }, create: { key, value, updatedById: actorId } });
  settingsRows.forget();
}

export async function updateTownContact(caller: Caller, contact: TownContact): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  assertStorableText(contact);
  await save(KEYS.contact, { ...contact }, actor.id);
  await audit({ ...staffAudit(actor), action: "town.contact.updated", targetType: "TownSetting", targetId: KEYS.contact });
}

export async function updateLegalTexts(caller: Caller, legal: LegalTexts): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  assertStorableText(legal);
  const value = { mentionsLegales: legal.mentionsLegales, cgu: legal.cgu, cguVersion: legal.cguVersion };
  await save(KEYS.legal, value as unknown as Prisma.InputJsonValue, actor.id);
  await audit({
    ...staffAudit(actor),
    action: "town.legal.updated",
    targetType: "TownSetting",
    targetId: KEYS.legal,
    details: { cguVersion: legal.cguVersion },
  });
}

export async function setAgentsNeedTotp(caller: Caller, required: boolean): Promise<void> {
  const actor = await authorizeStaff(caller, "ADMINISTRATOR");
  await save(KEYS.agentsNeedTotp, required, actor.id);
  await audit({
    ...staffAudit(actor),
    action: "staff.totp_policy.updated",
    targetType: "TownSetting",
    targetId: KEYS.agentsNeedTotp,
    details: { agentsNeedTotp: required },
  });
}
