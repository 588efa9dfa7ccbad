import "server-only";
import { randomBytes } from "node:crypto";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { storeDocument } from "@/lib/documents";
import { Prisma, type DocumentKind } from "@/lib/generated/prisma/client";
import { town } from "@/lib/platform/town";
import { campaignState } from "./campaign";
import { currentCampaign } from "./campaign-settings";
import { lookupAddress, type SchoolContact } from "./carte";
import { levelForBirthDate, levelKind, schoolYearLabel, type Level } from "./levels";
import { validDocument } from "./prerequisites";
import { validUntilFor } from "@/lib/child-file";

// Built once: constructing an Intl.DateTimeFormat costs about half a millisecond (measured), formatting a microsecond.
const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
const parisDayOf = (at: Date) => parisDayFormat.format(at);
import { REQUIRED_DOCUMENTS, type RequiredDocument, type SchoolRequestInput } from "./schemas";

/**
 * The parent's side of school enrolment: what the request page shows (children, computed level, sector
 * school, documents already held) and the request itself, one per child and school year (a unique
 * constraint settles a double submission).
 */

const STORED_KIND: Record<RequiredDocument | "derogation", DocumentKind> = {
  "livret-famille": "LIVRET_FAMILLE",
  "justificatif-domicile": "JUSTIFICATIF_DOMICILE",
  vaccinations: "AUTRE",
  derogation: "AUTRE",
};

/** The validated family of an account, or null (not linked, or not validated yet). */
async function validatedFamily(accountId: string) {
  const account = await db().account.findUnique({
    where: { id: accountId },
    select: { familyId: true, family: { select: { id: true, status: true } } },
  });
  return account?.family?.status === "ACTIVE" ? account.family : null;
}

async function familyAddress(familyId: string): Promise<string | null> {
  const holder = await db().familyMember.findFirst({
    where: { familyId, role: { in: ["HOLDER", "CO_REPRESENTATIVE"] }, streetName: { not: null } },
    orderBy: { role: "asc" },
    select: { streetNumber: true, streetName: true },
  });
  return holder?.streetName ? `${holder.streetNumber ?? ""} ${holder.streetName}`.trim() : null;
}

export interface RequestPage {
  campaign: ReturnType<typeof campaignState>;
  schoolYear: string;
  address: string | null;
  sector: { maternelle: SchoolContact; elementaire: SchoolContact } | null;
  schools: SchoolContact[];
  children: {
    id: string;
    firstName: string;
    usageName: string;
    computedLevel: Level | null;
    request: {
      id: string;
      reference: string;
      level: string;
      status: string;
      schoolName: string;
      derogation: string;
      derogationDecision: string | null;
      refusalReason: string | null;
    } | null;
  }[];
  documents: { code: RequiredDocument; label: string; held: boolean }[];
}

export async function schoolRequestPage(accountId: string, at = new Date()): Promise<RequestPage | null> {
  const family = await validatedFamily(accountId);
  if (!family) return null;
  const config = await currentCampaign();
  const startYear = config?.schoolYearStart ?? at.getUTCFullYear();
  const schoolYear = schoolYearLabel(startYear);
  const address = await familyAddress(family.id);
  const found = address ? await lookupAddress(address) : null;
  const [children, schools, documents] = await Promise.all([
    db().familyMember.findMany({
      where: { familyId: family.id, role: "CHILD", birthDate: { not: null } },
      orderBy: { birthDate: "asc" },
      select: {
        id: true,
        firstName: true,
        usageName: true,
        birthDate: true,
        schoolEnrolments: {
          where: { schoolYear },
          select: {
            id: true,
            reference: true,
            level: true,
            status: true,
            derogation: true,
            derogationDecision: true,
            refusalReason: true,
            school: { select: { name: true } },
          },
        },
      },
    }),
    db().school.findMany({
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, code: true, name: true, kind: true, address: true, phone: true, email: true, director: true },
    }),
    Promise.all(
      (Object.keys(REQUIRED_DOCUMENTS) as RequiredDocument[]).map(async (code) => ({
        code,
        label: REQUIRED_DOCUMENTS[code],
        held: Boolean(await validDocument(family.id, code, at)),
      })),
    ),
  ]);
  return {
    campaign: campaignState(config, at),
    schoolYear,
    address,
    sector: found?.kind === "found" ? { maternelle: found.maternelle, elementaire: found.elementaire } : null,
    schools,
    documents,
    children: children.map((child) => {
      const request = child.schoolEnrolments[0];
      return {
        id: child.id,
        firstName: child.firstName,
        usageName: child.usageName,
        computedLevel: levelForBirthDate(child.birthDate!, startYear),
        request: request
          ? {
              id: request.id,
              reference: request.reference,
              level: request.level,
              status: request.status,
              schoolName: request.school.name,
              derogation: request.derogation,
              derogationDecision: request.derogationDecision,
              refusalReason: request.refusalReason,
            }
          : null,
      };
    }),
  };
}

export type RequestFiles = Partial<Record<RequiredDocument | "derogation", File | null>>;

/** Sends a request. Field errors come back as ExpectedError naming the field. */
export async function submitSchoolRequest(
  accountId: string,
  input: SchoolRequestInput,
  files: RequestFiles,
  at = new Date(),
): Promise<{ id: string; reference: string }> {
  const family = await validatedFamily(accountId);
  if (!family) throw new ExpectedError("Votre famille doit être déclarée et validée par nos services avant une inscription scolaire.");
  const config = await currentCampaign();
  const state = campaignState(config, at);
  if (state.kind !== "open") throw new ExpectedError("Les inscriptions scolaires ne sont pas ouvertes en ce moment.");
  const startYear = state.campaign.schoolYearStart;
  const child = await db().familyMember.findFirst({
    where: { id: input.childId, familyId: family.id, role: "CHILD" },
    select: { id: true, birthDate: true },
  });
  if (!child?.birthDate) throw new ExpectedError("Cet enfant ne fait pas partie de votre famille.", "childId");
  const computed = levelForBirthDate(child.birthDate, startYear);
  if (!computed)
    throw new ExpectedError(
      "D'après sa date de naissance, cet enfant n'est pas en âge d'entrer à l'école maternelle ou élémentaire cette année.",
      "childId",
    );
  if (input.level !== computed && !input.levelReason)
    throw new ExpectedError(
      "Le champ 'motif du changement de niveau' est obligatoire quand le niveau diffère de celui de l'âge.",
      "levelReason",
    );

  const address = await familyAddress(family.id);
  const found = address ? await lookupAddress(address) : null;
  if (found?.kind !== "found")
    throw new ExpectedError("L'adresse de votre famille ne figure pas sur la carte scolaire : contactez le service Enfance – Éducation.");
  const kind = levelKind(input.level);
  const sectorSchool = kind === "MATERNELLE" ? found.maternelle : found.elementaire;
  let derogationSchoolId: string | null = null;
  if (input.derogation === "oui") {
    const wanted = await db().school.findUnique({ where: { id: input.derogationSchoolId }, select: { id: true, kind: true } });
    if (!wanted || wanted.kind !== kind)
      throw new ExpectedError(
        `Choisissez une école ${kind === "MATERNELLE" ? "maternelle" : "élémentaire"} pour ce niveau.`,
        "derogationSchoolId",
      );
    if (wanted.id === sectorSchool.id)
      throw new ExpectedError("Cette école est déjà celle de votre secteur : aucune dérogation n'est nécessaire.", "derogationSchoolId");
    if (!(files.derogation instanceof File) || files.derogation.size === 0)
      throw new ExpectedError("Joignez un justificatif du motif de la dérogation.", "doc_derogation");
    derogationSchoolId = wanted.id;
  }

  // Documents: reused from the family's file when still valid, otherwise uploaded now.
  const documents: Record<string, { documentId: string; reused: boolean }> = {};
  for (const code of Object.keys(REQUIRED_DOCUMENTS) as RequiredDocument[]) {
    const held = await validDocument(family.id, code, at);
    if (held) {
      documents[code] = { documentId: held.documentId, reused: true };
      continue;
    }
    const file = files[code];
    if (!(file instanceof File) || file.size === 0) throw new ExpectedError(`Joignez : ${REQUIRED_DOCUMENTS[code]}.`, `doc_${code}`);
  }
  for (const code of [
    ...(Object.keys(REQUIRED_DOCUMENTS) as RequiredDocument[]),
    ...(derogationSchoolId ? (["derogation"] as const) : []),
  ]) {
    if (documents[code]) continue;
    // Kept in the storage space with its kind and date, so the child's file (and a later démarche) knows it.
    // The form does not ask for the date written on it: the day of the upload stands for it.
    const kind = town().childFile.documentKinds.find((candidate) => candidate.code === code);
    const documentDate = parisDayOf(at);
    const meta =
      code === "derogation" || !kind
        ? undefined
        : {
            kindCode: code,
            documentDate,
            validUntil: validUntilFor(kind.validity, documentDate),
            childId: code === "vaccinations" ? child.id : null,
          };
    const stored = await storeDocument(accountId, files[code]!, STORED_KIND[code], meta);
    if (!stored.ok) throw new ExpectedError(stored.message, `doc_${code}`);
    documents[code] = { documentId: stored.documentId, reused: false };
  }

  try {
    const created = await db().$transaction(async (tx) => {
      const row = await tx.schoolEnrolment.create({
        data: {
          reference: `SCO-${startYear}-${randomBytes(3).toString("hex").toUpperCase()}`,
          familyId: family.id,
          accountId,
          childId: child.id,
          schoolYear: schoolYearLabel(startYear),
          level: input.level,
          computedLevel: computed,
          levelReason: input.level !== computed ? input.levelReason : null,
          sectorSchoolId: sectorSchool.id,
          schoolId: sectorSchool.id,
          derogation: derogationSchoolId ? "REQUESTED" : "NONE",
          derogationSchoolId,
          derogationReason: derogationSchoolId ? input.derogationReason : null,
          derogationDetails: derogationSchoolId ? input.derogationDetails || null : null,
          documents,
        },
        select: { id: true, reference: true },
      });
      await audit(
        {
          actorType: "ACCOUNT",
          actorId: accountId,
          action: "school-enrolment.requested",
          targetType: "SchoolEnrolment",
          targetId: row.id,
          details: { level: input.level, derogation: Boolean(derogationSchoolId) },
        },
        tx,
      );
      return row;
    });
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ExpectedError("Une demande d'inscription scolaire existe déjà pour cet enfant cette année.", "childId");
    }
    throw error;
  }
}
