import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/platform/db";
import { ForbiddenError, authorizeStaff, type Caller, type StaffActor } from "@/lib/platform/security/authorize";
import { canReadHealthData } from "@/lib/platform/security/roles";
import { isUuid } from "@/lib/platform/validation/uuid";

export interface ParentChild {
  id: string;
  firstName: string;
  usageName: string;
  birthDate: Date | null;
  familyId: string;
}

/**
 * The children whose file a parent may see and edit: a child of the parent's validated family over whom the
 * parent has parental authority. A child the town recorded without any link (a dossier created by staff)
 * is open to the family's representatives, whom the town identified when it handed over the Clé Enfance.
 * The rule is a filter of the query itself, so that a list of children costs one round trip, not one per child.
 */
function openToParent(accountId: string): Prisma.FamilyMemberWhereInput {
  return {
    role: "CHILD",
    family: { status: "ACTIVE", accounts: { some: { id: accountId } } },
    OR: [
      { linksAsChild: { some: { parentalAuthority: true, representative: { accountId } } } },
      { linksAsChild: { none: {} }, family: { members: { some: { accountId, role: { in: ["HOLDER", "CO_REPRESENTATIVE"] } } } } },
    ],
  };
}

const CHILD_COLUMNS = { id: true, firstName: true, usageName: true, birthDate: true, familyId: true } as const;

/** A child whose file the parent may open (see openToParent), or null: another family's child is never found. */
export async function childForParent(accountId: string, childId: string): Promise<ParentChild | null> {
  if (!isUuid(accountId) || !isUuid(childId)) return null;
  return db().familyMember.findFirst({ where: { id: childId, ...openToParent(accountId) }, select: CHILD_COLUMNS });
}

/** The children of the parent's validated family whose file the parent may open. */
export async function childrenForParent(accountId: string): Promise<ParentChild[]> {
  if (!isUuid(accountId)) return [];
  return db().familyMember.findMany({
    where: openToParent(accountId),
    orderBy: [{ birthDate: "asc" }, { createdAt: "asc" }],
    select: CHILD_COLUMNS,
  });
}

/**
 * Staff who may read health data: an active agent or administrator whom an administrator granted the
 * "données de santé" access (need to know: the kitchen, the animators' leads, the service's manager).
 */
export async function authorizeHealthReader(caller: Caller): Promise<StaffActor> {
  const actor = await authorizeStaff(caller);
  const staff = await db().staffUser.findUnique({ where: { id: actor.id }, select: { healthDataAccess: true } });
  if (!staff || !canReadHealthData(staff))
    throw new ForbiddenError("L'accès aux données de santé des enfants est réservé aux agents habilités.");
  return actor;
}
