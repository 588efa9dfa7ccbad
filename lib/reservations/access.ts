import "server-only";
import { db } from "@/lib/platform/db";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { dayOf, type Day } from "./rules/days";
import { isUuid } from "@/lib/platform/validation/uuid";

/** Who books or cancels: a parent of a validated family, or staff (who must give a reason past a deadline). */
export type Actor = { kind: "parent"; accountId: string; familyId: string } | { kind: "staff"; staffId: string; reason: string | null };

export interface ChildOfFamily {
  id: string;
  familyId: string;
  firstName: string;
  usageName: string;
  birthDate: Day | null;
}

/**
 * The child, if it belongs to the family: every parent function starts here, so another family's child is
 * refused whatever id the request carries.
 */
export async function childOfFamily(familyId: string, childId: string): Promise<ChildOfFamily> {
  if (!isUuid(childId)) throw new ForbiddenError("Cet enfant ne fait pas partie de votre famille.");
  const child = await db().familyMember.findFirst({
    where: { id: childId, familyId, role: "CHILD", family: { status: "ACTIVE" } },
    select: { id: true, familyId: true, firstName: true, usageName: true, birthDate: true },
  });
  if (!child) throw new ForbiddenError("Cet enfant ne fait pas partie de votre famille.");
  return { ...child, birthDate: child.birthDate ? dayOf(child.birthDate) : null };
}

/** The children of a validated family, in birth order. */
export async function childrenOfFamily(familyId: string): Promise<ChildOfFamily[]> {
  const children = await db().familyMember.findMany({
    where: { familyId, role: "CHILD", expectedBirth: false, family: { status: "ACTIVE" } },
    orderBy: [{ birthDate: "asc" }, { firstName: "asc" }],
    select: { id: true, familyId: true, firstName: true, usageName: true, birthDate: true },
  });
  return children.map((child) => ({ ...child, birthDate: child.birthDate ? dayOf(child.birthDate) : null }));
}

/** The actor's columns on a booking row. */
export function actorColumns(actor: Actor): { type: "ACCOUNT" | "STAFF"; id: string; reason: string | null } {
  return actor.kind === "parent"
    ? { type: "ACCOUNT", id: actor.accountId, reason: null }
    : { type: "STAFF", id: actor.staffId, reason: actor.reason };
}
