import "server-only";
import { db } from "@/lib/platform/db";

/** The family dossier a parent is linked to, with its members and kept documents (their own family only). */
export async function familyOfAccount(accountId: string) {
  const account = await db().account.findUnique({ where: { id: accountId }, select: { familyId: true } });
  return familyById(account?.familyId ?? null);
}

/** The family of an account already read (the signed-in parent carries its familyId): one round trip less. */
export async function familyById(familyId: string | null) {
  if (!familyId) return null;
  return db().family.findUnique({
    where: { id: familyId },
    select: {
      id: true,
      dossierNumber: true,
      status: true,
      members: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: {
          id: true,
          role: true,
          civility: true,
          usageName: true,
          firstName: true,
          sex: true,
          birthDate: true,
          expectedBirth: true,
          expectedBirthDate: true,
          relationship: true,
          emergencyContact: true,
          mobile: true,
          email: true,
        },
      },
      documents: { select: { kind: true, document: { select: { id: true, fileName: true, ownerId: true } } } },
    },
  });
}
