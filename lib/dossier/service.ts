import "server-only";
import { audit } from "@/lib/platform/audit";
import { assertStorableText, ExpectedError } from "@/lib/platform/errors";
import { db } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatChildKey, normalizeChildKey } from "@/lib/dossier/child-key";
import { hashChildKey, issueChildKey } from "@/lib/dossier/child-keys";
import { simplePdf } from "@/lib/platform/pdf/simple-document";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { townWithOverrides } from "@/lib/platform/town/settings";
import { stripForbiddenCharacters } from "@/lib/platform/validation/text";
import { nextDossierNumber } from "./number";
import { type KnownFamilyInput } from "./schemas";
import { isUuid } from "@/lib/platform/validation/uuid";

/**
 * Family dossiers seen from the back-office: families the town already knows, and their Clé Enfance
 * (issued, shown once, printed as a letter, revoked, reissued). Every access and change is audited.
 */

/** The next "F-<year>-<5 digits>"; a race on the same number is retried by the caller (unique index). */
export async function createKnownFamily(caller: Caller, input: KnownFamilyInput): Promise<{ id: string; dossierNumber: string }> {
  const actor = await authorizeStaff(caller);
  assertStorableText(input);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const dossierNumber = await nextDossierNumber(new Date());
    try {
      const family = await db().family.create({
        data: {
          dossierNumber,
          status: "KNOWN",
          createdById: actor.id,
          members: {
            create: [
              ...input.representatives.map((person, index) => ({
                role: index === 0 ? ("HOLDER" as const) : ("CO_REPRESENTATIVE" as const),
                ...person,
              })),
              ...input.children.map((child) => ({
                role: "CHILD" as const,
                usageName: child.usageName,
                firstName: child.firstName,
                birthDate: child.birthDate,
              })),
            ],
          },
        },
        select: { id: true, dossierNumber: true },
      });
      await audit({
        ...staffAudit(actor),
        action: "family.created",
        targetType: "Family",
        targetId: family.id,
        details: { dossierNumber, status: "KNOWN", representatives: input.representatives.length, children: input.children.length },
      });
      return family;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  throw new ExpectedError("Le numéro de dossier n'a pas pu être attribué : réessayez.");
}

export async function searchFamilies(caller: Caller, query: string) {
  const actor = await authorizeStaff(caller);
  // A search is never refused: characters no name holds (NUL, controls) are simply dropped.
  const text = stripForbiddenCharacters(String(query)).trim().slice(0, 100);
  const families = await db().family.findMany({
    where: text
      ? {
          OR: [
            { dossierNumber: { contains: text, mode: "insensitive" } },
            {
              members: {
                some: {
                  OR: [{ usageName: { contains: text, mode: "insensitive" } }, { firstName: { contains: text, mode: "insensitive" } }],
                },
              },
            },
          ],
        }
      : {},
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      dossierNumber: true,
      status: true,
      createdAt: true,
      members: {
        where: { role: { in: ["HOLDER", "CO_REPRESENTATIVE"] } },
        orderBy: { role: "asc" },
        select: { civility: true, usageName: true, firstName: true },
      },
      childKeys: { where: { revokedAt: null }, select: { hint: true, usedAt: true } },
    },
  });
  if (text) await audit({ ...staffAudit(actor), action: "family.searched", details: { query: text, results: families.length } });
  return families;
}

export async function getFamilyForStaff(caller: Caller, id: string) {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id)) return null;
  const family = await db().family.findUnique({
    where: { id },
    select: {
      id: true,
      dossierNumber: true,
      status: true,
      createdAt: true,
      createdBy: { select: { displayName: true } },
      members: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { id: true, role: true, civility: true, usageName: true, firstName: true, birthDate: true },
      },
      accounts: { select: { id: true, login: true, usageName: true, firstNames: true } },
      childKeys: {
        orderBy: { issuedAt: "desc" },
        select: { id: true, hint: true, issuedAt: true, revokedAt: true, usedAt: true, issuedBy: { select: { displayName: true } } },
      },
    },
  });
  if (family)
    await audit({
      ...staffAudit(actor),
      action: "family.viewed",
      targetType: "Family",
      targetId: id,
      details: { dossierNumber: family.dossierNumber },
    });
  return family;
}

/** A new key (the previous active one is revoked in the same transaction): returned once, never stored. */
export async function issueFamilyChildKey(caller: Caller, familyId: string): Promise<string> {
  const actor = await authorizeStaff(caller);
  const family = isUuid(familyId)
    ? await db().family.findUnique({
        where: { id: familyId },
        select: { dossierNumber: true, childKeys: { where: { revokedAt: null }, select: { id: true } } },
      })
    : null;
  if (!family) throw new ExpectedError("Ce dossier n'existe plus.");
  const key = await issueChildKey(familyId, actor.id);
  await audit({
    ...staffAudit(actor),
    action: family.childKeys.length ? "child_key.reissued" : "child_key.issued",
    targetType: "Family",
    targetId: familyId,
    details: { dossierNumber: family.dossierNumber, hint: key.slice(-4), revokedPrevious: family.childKeys.length },
  });
  return formatChildKey(key);
}

export async function revokeFamilyChildKeys(caller: Caller, familyId: string): Promise<number> {
  const actor = await authorizeStaff(caller);
  if (!isUuid(familyId)) throw new ExpectedError("Ce dossier n'existe plus.");
  const { count } = await db().childKey.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (!count) throw new ExpectedError("Ce dossier n'a pas de Clé Enfance en cours de validité.");
  await audit({ ...staffAudit(actor), action: "child_key.revoked", targetType: "Family", targetId: familyId, details: { revoked: count } });
  return count;
}

/**
 * The letter to hand to the parents. The key comes back from the page that showed it once; it is printed
 * only if it is the family's active key, so nobody prints a letter with a key of their own making.
 */
export async function childKeyLetter(
  caller: Caller,
  familyId: string,
  typedKey: string,
): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const actor = await authorizeStaff(caller);
  const canonical = normalizeChildKey(typedKey);
  if (!canonical || !isUuid(familyId)) return null;
  const key = await db().childKey.findFirst({
    where: { familyId, keyHash: hashChildKey(canonical), revokedAt: null },
    select: {
      id: true,
      family: {
        select: {
          dossierNumber: true,
          members: {
            where: { role: { in: ["HOLDER", "CO_REPRESENTATIVE"] } },
            orderBy: { role: "asc" },
            select: { civility: true, usageName: true, firstName: true },
          },
        },
      },
    },
  });
  if (!key) return null;
  const town = await townWithOverrides();
  const names = key.family.members.map(
    (member) => `${member.civility === "MADAME" ? "Madame" : "Monsieur"} ${member.firstName} ${member.usageName.toUpperCase()}`,
  );
  const bytes = await simplePdf({
    title: `Votre Clé Enfance – ${town.portalName}`,
    author: town.name,
    paragraphs: [
      `${town.name} – ${town.contact.service}`,
      `À l'attention de ${names.join(" et ") || "la famille"} – dossier ${key.family.dossierNumber}`,
      "Madame, Monsieur,",
      `Votre famille est déjà connue de nos services. Pour relier votre compte personnel de l'${town.portalName} à votre dossier, saisissez la Clé Enfance ci-dessous lors de la création de votre compte, ou plus tard depuis votre espace.`,
      `Votre Clé Enfance : ${formatChildKey(canonical)}`,
      "Soyez vigilant lors de la saisie de votre Clé Enfance de ne pas confondre la lettre O majuscule et le chiffre 0, la lettre I majuscule et la lettre L minuscule. Cette clé est personnelle : ne la communiquez à personne d'autre.",
      `Pour tout renseignement : ${town.contact.service}, ${town.contact.phone}, ${town.contact.email}.`,
      town.name,
    ],
  });
  await audit({
    ...staffAudit(actor),
    action: "child_key.letter_printed",
    targetType: "Family",
    targetId: familyId,
    details: { dossierNumber: key.family.dossierNumber, hint: canonical.slice(-4) },
  });
  return { fileName: `cle-enfance-${key.family.dossierNumber}.pdf`, bytes };
}
