import "server-only";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queueMail } from "@/lib/platform/mail/queue";
import { formatInstant, parisDay } from "./rules/deadlines";
import { longDay, type Day } from "./rules/days";
import { claimPlace, releasePlace, type SlotKey } from "./slots";

export type OfferPayload = { groupId: string; unitId: string; day: Day };

/**
 * Expires the slot's overdue offers, then offers each free place to the first family on the waiting list
 * (FOR UPDATE SKIP LOCKED: two workers never offer the same place or to the same child). An offered place is held
 * (counted in `booked`) until accepted, declined or expired.
 */
export async function offerFreedPlaces(slot: OfferPayload, now = new Date()): Promise<{ offered: string[]; expired: string[] }> {
  if (slot.day < parisDay(now)) return { offered: [], expired: [] };
  return db().$transaction(async (tx) => {
    const expired = await tx.$queryRaw<{ id: string }[]>`
      UPDATE bookings SET status = 'CANCELLED', "cancelledAt" = ${now}, "refusalReason" = 'Place proposée non acceptée à temps', "updatedAt" = ${now}
      WHERE "groupId" = ${slot.groupId}::uuid AND "unitId" = ${slot.unitId}::uuid AND "date" = ${slot.day}::date
        AND status = 'OFFERED' AND "offerExpiresAt" <= ${now}
      RETURNING id::text`;
    for (let index = 0; index < expired.length; index += 1) await releasePlace(tx, slot);

    const offered: string[] = [];
    for (;;) {
      const next = await tx.$queryRaw<
        { id: string; familyId: string; offerHours: number; firstName: string; activityName: string; unitLabel: string }[]
      >`
        SELECT b.id::text, b."familyId"::text AS "familyId", a."offerHours" AS "offerHours", m."firstName" AS "firstName", a.name AS "activityName", u.label AS "unitLabel"
        FROM bookings b JOIN activities a ON a.id = b."activityId" JOIN family_members m ON m.id = b."childId" JOIN activity_units u ON u.id = b."unitId"
        WHERE b."groupId" = ${slot.groupId}::uuid AND b."unitId" = ${slot.unitId}::uuid AND b."date" = ${slot.day}::date AND b.status = 'WAITLISTED'
        ORDER BY b."waitlistedAt", b.id LIMIT 1 FOR UPDATE OF b SKIP LOCKED`;
      const candidate = next[0];
      if (!candidate) break;
      if (!(await claimPlace(tx, slot, false))) break;
      const expiresAt = new Date(now.getTime() + candidate.offerHours * 3_600_000);
      await tx.$executeRaw`
        UPDATE bookings SET status = 'OFFERED', "offeredAt" = ${now}, "offerExpiresAt" = ${expiresAt}, "updatedAt" = ${now} WHERE id = ${candidate.id}::uuid`;
      await tellFamily(tx, candidate.familyId, {
        title: "Une place s'est libérée",
        body: `${candidate.activityName}, ${longDay(slot.day)} (${candidate.unitLabel}) : une place est proposée à ${candidate.firstName}. Acceptez-la avant le ${formatInstant(expiresAt)}, sinon elle ira à la famille suivante.`,
      });
      offered.push(candidate.id);
    }
    return { offered, expired: expired.map((row) => row.id) };
  });
}

/** The sweep for offers that expired with no event to trigger it (run by the worker every few minutes). */
export async function offerDueOffers(now = new Date()): Promise<number> {
  const slots = await db().$queryRaw<{ groupId: string; unitId: string; day: string }[]>`
    SELECT DISTINCT "groupId"::text AS "groupId", "unitId"::text AS "unitId", to_char("date", 'YYYY-MM-DD') AS day FROM bookings
    WHERE (status = 'OFFERED' AND "offerExpiresAt" <= ${now}) OR status = 'WAITLISTED'
    LIMIT 500`;
  let offered = 0;
  for (const slot of slots) offered += (await offerFreedPlaces(slot, now)).offered.length;
  return offered;
}

/** A notification on the home page of every account of the family, and a mail to each. */
export async function tellFamily(tx: Prisma.TransactionClient, familyId: string, message: { title: string; body: string }): Promise<void> {
  const accounts = await tx.account.findMany({ where: { familyId, status: "ACTIVE" }, select: { id: true, email: true } });
  for (const account of accounts) {
    await tx.notification.create({
      data: { accountId: account.id, title: message.title, body: message.body, link: "/espace/reservations" },
    });
    await queueMail(tx, {
      to: account.email,
      subject: message.title,
      text: `${message.body}\n\nEspace Famille : rubrique « Réservations ».`,
      html: `<p>${escapeHtml(message.body)}</p><p>Espace Famille : rubrique « Réservations ».</p>`,
      tag: "reservation",
    });
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export type { SlotKey };
