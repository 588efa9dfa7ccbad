import "server-only";
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
 * A child whose file a parent may see and edit: a child of the parent's validated family over whom the
 * parent has parental authority. A child the town recorded without any link (a dossier created by staff)
 * is open to the family's representatives, whom the town identified when it handed over the Clé Enfance.
 */
export async function childForParent(accountId: string, childId: string): Promise<ParentChild | null> {
  if (!isUuid(accountId) || !isUuid(childId)) return null;
  const child = await db().familyMember.findFirst({
    where: { id: childId, role: "CHILD", family: { status: "ACTIVE", accounts: { some: { id: accountId } } } },
    select: {
      id: true,
      firstName: true,
      usageName: true,
      birthDate: true,
      familyId: true,
      linksAsChild: { select: { parentalAuthority: true, representative: { select: { accountId: true } } } },
      family: { select: { members: { where: { accountId, role: { in: ["HOLDER", "CO_REPRESENTATIVE"] } }, select: { id: true } } } },
    },
  });
  if (!child) return null;
  const allowed = child.linksAsChild.length
    ? child.linksAsChild.some((link) => link.parentalAuthority && link.representative.accountId === accountId)
    : child.family.members.length > 0;
  return allowed ? { id: child.id, firstName: child.firstName, usageName: child.usageName, birthDate: child.birthDate, familyId: child.familyId } : null;
}

/** The children of the parent's validated family whose file the parent may open. */
export async function childrenForParent(accountId: string): Promise<ParentChild[]> {
  if (!isUuid(accountId)) return [];
  const children = await db().familyMember.findMany({
    where: { role: "CHILD", family: { status: "ACTIVE", accounts: { some: { id: accountId } } } },
    orderBy: [{ birthDate: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  const allowed = await Promise.all(children.map((child) => childForParent(accountId, child.id)));
  return allowed.filter((child): child is ParentChild => child !== null);
}

/**
 * Staff who may read health data: an active agent or administrator whom an administrator granted the
 * "données de santé" access (need to know: the kitchen, the animators' leads, the service's manager).
 */
export async function authorizeHealthReader(caller: Caller): Promise<StaffActor> {
  const actor = await authorizeStaff(caller);
  const staff = await db().staffUser.findUnique({ where: { id: actor.id }, select: { healthDataAccess: true } });
  if (!staff || !canReadHealthData(staff)) throw new ForbiddenError("L'accès aux données de santé des enfants est réservé aux agents habilités.");
  return actor;
}
