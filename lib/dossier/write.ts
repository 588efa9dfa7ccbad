import "server-only";
import { representativeKeys, type DeclarationPeople } from "@/lib/declaration";
import {
  ADDRESS_FIELDS,
  childSchema,
  CHILD_LINK_FIELDS,
  contactSchema,
  representativeSchema,
  type AddressFieldKey,
  type RepresentativeKey,
} from "@/lib/declaration/schemas";
import { nextDossierNumber } from "./number";
import type { MemberRole, ParentQuality, Prisma } from "@/lib/generated/prisma/client";

/**
 * Validating a declaration turns the people the parent typed into the town's family dossier: a dossier
 * number, one member per person, the parental links, the documents kept. A family the town already knew
 * (Clé Enfance) or validated before is updated in place: members are matched by role and name (and
 * birth date for children), so a child's enrolments survive a later update.
 */
type Tx = Prisma.TransactionClient;

type MemberData = Omit<Prisma.FamilyMemberUncheckedCreateInput, "familyId" | "id">;

interface PlannedMember {
  key: string;
  data: MemberData;
}

/** What childSchema returns besides the per-representative links. */
type ChildValues = {
  usageName: string;
  firstName: string;
  sex?: "FEMININ" | "MASCULIN";
  expectedBirth: boolean;
  birthDate?: string;
  expectedBirthDate?: string;
  streetNumber?: string;
  streetName?: string;
  building?: string;
  apartment?: string;
  addressComplement?: string;
  postalCode?: string;
  city?: string;
  country?: string;
};

const day = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The ADRESSE block of any person's form, as member columns (null when not given). */
function addressOf(value: Partial<Record<AddressFieldKey, string>>) {
  return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, value[field] ?? null])) as Record<AddressFieldKey, string | null>;
}

/** The people, validated again by the same schemas the parent's forms use (the data is never trusted as stored). */
export function plannedMembers(
  people: DeclarationPeople,
  holderAccountId: string,
): { members: PlannedMember[]; links: { child: string; representative: string; quality: ParentQuality; parentalAuthority: boolean }[] } {
  const members: PlannedMember[] = [];
  const links: { child: string; representative: string; quality: ParentQuality; parentalAuthority: boolean }[] = [];
  const representative = (key: RepresentativeKey, role: MemberRole, raw: Record<string, unknown>, accountId: string | null) => {
    const value = representativeSchema.parse(raw);
    members.push({
      key,
      data: {
        role,
        accountId,
        civility: value.civility,
        usageName: value.usageName,
        firstName: value.firstName,
        birthDate: day(value.birthDate),
        ...addressOf(value),
        homePhone: value.homePhone ?? null,
        homePhoneUnlisted: value.homePhoneUnlisted,
        mobile: value.mobile ?? null,
        refusesSms: value.refusesSms,
        email: value.email,
        refusesEmail: value.refusesEmail,
        profession: value.profession,
        employer: value.employer,
        workPhone: value.workPhone ?? null,
        allocataireMember: value.allocataireMember === undefined ? null : value.allocataireMember === "OUI",
        allocataireRegime: value.allocataireRegime ?? null,
        allocataireOrganisation: value.allocataireOrganisation ?? null,
        allocataireNumber: value.allocataireNumber ?? null,
        dependentChildren: value.dependentChildren ?? null,
      },
    });
  };
  if (!people.holder) throw new Error("A declaration without its holder cannot be validated");
  representative("holder", "HOLDER", people.holder, holderAccountId);
  if (people.co) representative("co", "CO_REPRESENTATIVE", people.co, null);
  const reps = representativeKeys(people);
  const schema = childSchema(reps);
  for (const child of people.children) {
    const value = schema.parse(child.values) as Record<string, unknown> & ChildValues;
    const key = `enfant-${child.id}`;
    members.push({
      key,
      data: {
        role: "CHILD",
        usageName: value.usageName,
        firstName: value.firstName,
        sex: value.sex ?? null,
        expectedBirth: value.expectedBirth,
        birthDate: value.expectedBirth ? null : day(value.birthDate),
        expectedBirthDate: value.expectedBirth ? day(value.expectedBirthDate) : null,
        ...addressOf(value),
      },
    });
    for (const rep of reps) {
      links.push({
        child: key,
        representative: rep,
        quality: value[CHILD_LINK_FIELDS.quality.key(rep)] as ParentQuality,
        parentalAuthority: value[CHILD_LINK_FIELDS.authority.key(rep)] === "OUI",
      });
    }
  }
  for (const contact of people.contacts) {
    const value = contactSchema.parse(contact.values);
    members.push({
      key: `contact-${contact.id}`,
      data: {
        role: "CONTACT",
        civility: value.civility,
        usageName: value.usageName,
        firstName: value.firstName,
        mobile: value.phone ?? null,
        email: value.email ?? null,
        ...addressOf(value),
        emergencyContact: value.emergencyContact,
        relationship: value.relationship,
      },
    });
  }
  return { members, links };
}

const fold = (text: string | null | undefined) =>
  (text ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

function sameDay(a: Date | null | undefined, b: Date | null | undefined) {
  return (a?.toISOString().slice(0, 10) ?? "") === (b?.toISOString().slice(0, 10) ?? "");
}

/** The next "F-<year>-<5 digits>" inside the transaction; the unique index settles a race (the caller retries). */
/**
 * Writes the dossier for a validated declaration and links the parent's account to it.
 * Returns the family id and its dossier number.
 */
export async function writeFamilyDossier(
  tx: Tx,
  input: { demarcheId: string; accountId: string; existingFamilyId: string | null; people: DeclarationPeople; staffId: string; now: Date },
): Promise<{ familyId: string; dossierNumber: string; created: boolean }> {
  const { members: planned, links } = plannedMembers(input.people, input.accountId);
  let family = input.existingFamilyId
    ? await tx.family.findUnique({ where: { id: input.existingFamilyId }, select: { id: true, dossierNumber: true } })
    : null;
  const created = !family;
  if (!family) {
    family = await tx.family.create({
      data: { dossierNumber: await nextDossierNumber(input.now, tx), status: "ACTIVE", createdById: input.staffId },
      select: { id: true, dossierNumber: true },
    });
  } else {
    await tx.family.update({ where: { id: family.id }, data: { status: "ACTIVE" } });
  }
  const existing = await tx.familyMember.findMany({
    where: { familyId: family.id },
    select: {
      id: true,
      role: true,
      usageName: true,
      firstName: true,
      birthDate: true,
      accountId: true,
      _count: { select: { enrolments: true, schoolEnrolments: true } },
    },
  });
  const unmatched = new Map(existing.map((member) => [member.id, member]));
  const idOf = new Map<string, string>();
  for (const member of planned) {
    const match = [...unmatched.values()].find(
      (candidate) =>
        candidate.role === member.data.role &&
        ((member.data.role === "HOLDER" && candidate.accountId === input.accountId) ||
          (fold(candidate.firstName) === fold(member.data.firstName) &&
            fold(candidate.usageName) === fold(member.data.usageName) &&
            (member.data.role !== "CHILD" || !candidate.birthDate || sameDay(candidate.birthDate, member.data.birthDate as Date | null)))),
    );
    if (match) {
      unmatched.delete(match.id);
      await tx.familyMember.update({ where: { id: match.id }, data: member.data });
      idOf.set(member.key, match.id);
    } else {
      const row = await tx.familyMember.create({ data: { ...member.data, familyId: family.id }, select: { id: true } });
      idOf.set(member.key, row.id);
    }
  }
  // People no longer declared leave the dossier, unless the town holds enrolments for them.
  const removable = [...unmatched.values()]
    .filter((member) => member._count.enrolments === 0 && member._count.schoolEnrolments === 0)
    .map((member) => member.id);
  if (removable.length) await tx.familyMember.deleteMany({ where: { id: { in: removable } } });
  const childIds = links.map((link) => idOf.get(link.child)!).filter(Boolean);
  await tx.parentalLink.deleteMany({ where: { childId: { in: childIds } } });
  if (links.length) {
    await tx.parentalLink.createMany({
      data: links.map((link) => ({
        childId: idOf.get(link.child)!,
        representativeId: idOf.get(link.representative)!,
        quality: link.quality,
        parentalAuthority: link.parentalAuthority,
      })),
    });
  }
  // The documents sent with the declaration are kept in the dossier.
  const attached = await tx.demarcheDocument.findMany({
    where: { demarcheId: input.demarcheId, document: { deletedAt: null } },
    select: { documentId: true, kind: true },
  });
  for (const document of attached) {
    await tx.familyDocument.upsert({
      where: { familyId_documentId: { familyId: family.id, documentId: document.documentId } },
      update: { kind: document.kind },
      create: { familyId: family.id, documentId: document.documentId, kind: document.kind, keptAt: input.now },
    });
  }
  await tx.account.update({ where: { id: input.accountId }, data: { familyId: family.id } });
  await tx.demarche.update({ where: { id: input.demarcheId }, data: { familyId: family.id } });
  return { familyId: family.id, dossierNumber: family.dossierNumber, created };
}
