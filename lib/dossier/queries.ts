import "server-only";
import { db } from "@/lib/platform/db";

/** The family dossier a parent is linked to, with its members and kept documents (their own family only). */
export async function familyOfAccount(accountId: string) {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { familyId: true } });
  if (!account?.familyId) return null;
  return db().family.findUnique({
    where: { id: account.familyId },
    select: {
      id: true,
      dossierNumber: true,
      status: true,
      members: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { id: true, role: true, civility: true, usageName: true, firstName: true, birthDate: true, expectedBirth: true, expectedBirthDate: true, relationship: true, emergencyContact: true, mobile: true, email: true },
      },
      documents: { select: { kind: true, document: { select: { id: true, fileName: true, ownerId: true } } } },
    },
  });
}
