import "server-only";
import { z } from "zod";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { frenchDate, todayIso } from "@/lib/platform/validation/date";
import { requiredMessage } from "@/lib/platform/validation/messages";
import { personName } from "@/lib/platform/validation/text";
import { childForParent } from "./access";

/**
 * « Déclarer la naissance »: a child declared as expected (« Naissance prévue », sex possibly not known yet) is
 * completed by a parent with authority once born: first name, birth date, sex. One conditional UPDATE (still
 * expected) applies it once; the family dossier then holds an ordinary child, and the act is in the audit log.
 */
export const birthSchema = z.object({
  firstName: personName("prénom"),
  birthDate: frenchDate("date de naissance", { required: true }),
  sex: z.enum(["FEMININ", "MASCULIN"], { error: requiredMessage("sexe") }),
});
export type BirthInput = z.input<typeof birthSchema>;

export type BirthResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** The expected child a parent may complete, or null (not theirs, not expected any more). */
export async function expectedChildForParent(accountId: string, childId: string) {
  const child = await childForParent(accountId, childId);
  if (!child) return null;
  const row = await db().familyMember.findFirst({
    where: { id: child.id, expectedBirth: true },
    select: { id: true, firstName: true, expectedBirthDate: true },
  });
  return row;
}

export async function declareBirth(accountId: string, childId: string, input: BirthInput, today = todayIso()): Promise<BirthResult> {
  const parsed = birthSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const child = await expectedChildForParent(accountId, childId);
  if (!child)
    return {
      ok: false,
      fieldErrors: { birthDate: "Cette naissance est déjà déclarée, ou cet enfant n'est pas le vôtre : rechargez la page." },
    };
  const birthDate = parsed.data.birthDate!;
  if (birthDate > today) return { ok: false, fieldErrors: { birthDate: "La date de naissance ne peut pas être dans le futur." } };
  const expected = child.expectedBirthDate?.toISOString().slice(0, 10);
  // A birth more than ten months before the expected date is a typing error, not a premature birth.
  if (expected && birthDate < isoMinusDays(expected, 300))
    return { ok: false, fieldErrors: { birthDate: "Cette date est trop éloignée de la naissance prévue : vérifiez l'année." } };
  const updated = await db().familyMember.updateMany({
    where: { id: child.id, expectedBirth: true },
    data: {
      expectedBirth: false,
      expectedBirthDate: null,
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      sex: parsed.data.sex,
      firstName: parsed.data.firstName,
    },
  });
  if (updated.count === 0)
    return { ok: false, fieldErrors: { birthDate: "Cette naissance vient d'être déclarée par l'autre parent : rechargez la page." } };
  await audit({ actorType: "ACCOUNT", actorId: accountId, action: "child.birth-declared", targetType: "FamilyMember", targetId: child.id });
  return { ok: true };
}

function isoMinusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
