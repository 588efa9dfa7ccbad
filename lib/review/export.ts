import "server-only";
import { csvCell } from "@/lib/platform/format/csv";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { qualityOptions, regimeOptions, relationshipOptions } from "@/lib/declaration/schemas";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { formatPhone } from "@/lib/platform/validation/phone";

/**
 * CSV export of the validated families for the town's management software: one line per person,
 * UTF-8 with a byte-order mark and ";" separators so that a spreadsheet in French opens it as is.
 * The columns are documented in the README ("Export CSV"); their order is part of the contract.
 */
export const EXPORT_COLUMNS = [
  "numero_dossier",
  "role",
  "civilite",
  "nom_usage",
  "prenom",
  "sexe",
  "date_naissance",
  "naissance_prevue",
  "numero_voie",
  "nom_voie",
  "batiment",
  "appartement",
  "complement_adresse",
  "code_postal",
  "ville",
  "pays",
  "telephone_domicile",
  "liste_rouge",
  "telephone_portable",
  "refus_sms",
  "courriel",
  "refus_courriel",
  "profession",
  "employeur",
  "telephone_professionnel",
  "allocataire",
  "regime_allocataire",
  "organisme_allocataire",
  "numero_allocataire",
  "enfants_a_charge",
  "contact_urgence",
  "lien_famille",
  "liens_parentaux",
  "date_validation",
] as const;

const ROLE = { HOLDER: "titulaire", CO_REPRESENTATIVE: "co-representant", CHILD: "enfant", CONTACT: "contact" } as const;
const label = (options: readonly { value: string; label: string }[], value: string | null) =>
  value ? (options.find((option) => option.value === value)?.label ?? value) : "";
const frenchDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10).split("-").reverse().join("/") : "");
const phone = (value: string | null) => (value ? formatPhone(value) : "");
const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? "" : value ? "oui" : "non");

export { csvCell };

const BATCH = 200;

const EXPORTED = { status: "ACTIVE", demarches: { some: { kind: "FAMILY_DECLARATION", status: "ACCEPTED" } } } as const;

/** The export as a stream (families fetched 200 at a time); recorded in the audit log before the first byte. */
export async function exportValidatedFamilies(caller: Caller): Promise<ReadableStream<Uint8Array>> {
  const actor = await authorizeStaff(caller);
  const total = await db().family.count({ where: EXPORTED });
  await audit({ ...staffAudit(actor), action: "families.exported", details: { families: total, columns: EXPORT_COLUMNS.length } });
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${EXPORT_COLUMNS.join(";")}\r\n`));
        return;
      }
      const batch = await db().family.findMany({
        where: EXPORTED,
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select: {
          id: true,
          dossierNumber: true,
          demarches: {
            where: { kind: "FAMILY_DECLARATION", status: "ACCEPTED" },
            orderBy: { decidedAt: "desc" },
            take: 1,
            select: { decidedAt: true },
          },
          members: {
            orderBy: [{ role: "asc" }, { createdAt: "asc" }],
            include: { linksAsChild: { include: { representative: { select: { firstName: true, usageName: true } } } } },
          },
        },
      });
      if (!batch.length) {
        controller.close();
        return;
      }
      cursor = batch[batch.length - 1]!.id;
      const lines: string[] = [];
      for (const family of batch) {
        const validatedOn = frenchDay(family.demarches[0]?.decidedAt ?? null);
        for (const member of family.members) {
          const links = member.linksAsChild
            .map(
              (link) =>
                `${link.representative.firstName} ${link.representative.usageName.toUpperCase()} : ${label(qualityOptions, link.quality)}, autorité parentale ${link.parentalAuthority ? "oui" : "non"}`,
            )
            .join(" | ");
          const cells = [
            family.dossierNumber,
            ROLE[member.role],
            member.civility === "MADAME" ? "Madame" : member.civility === "MONSIEUR" ? "Monsieur" : "",
            member.usageName,
            member.firstName,
            member.sex === "FEMININ" ? "F" : member.sex === "MASCULIN" ? "M" : "",
            frenchDay(member.birthDate),
            member.expectedBirth ? frenchDay(member.expectedBirthDate) : "",
            member.streetNumber,
            member.streetName,
            member.building,
            member.apartment,
            member.addressComplement,
            member.postalCode,
            member.city,
            member.country,
            phone(member.homePhone),
            member.role === "HOLDER" || member.role === "CO_REPRESENTATIVE" ? yesNo(member.homePhoneUnlisted) : "",
            phone(member.mobile),
            member.role === "HOLDER" || member.role === "CO_REPRESENTATIVE" ? yesNo(member.refusesSms) : "",
            member.email,
            member.role === "HOLDER" || member.role === "CO_REPRESENTATIVE" ? yesNo(member.refusesEmail) : "",
            member.profession,
            member.employer,
            phone(member.workPhone),
            yesNo(member.allocataireMember),
            label(regimeOptions, member.allocataireRegime),
            member.allocataireOrganisation,
            member.allocataireNumber,
            member.dependentChildren,
            member.role === "CONTACT" ? yesNo(member.emergencyContact) : "",
            label(relationshipOptions, member.relationship),
            links,
            validatedOn,
          ];
          lines.push(cells.map(csvCell).join(";"));
        }
      }
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
  });
}
