import "server-only";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { hasForbiddenCharacters } from "@/lib/platform/validation/text";
import { parseSchoolsCsv, parseSectorsCsv, SCHOOL_COLUMNS, SECTOR_COLUMNS } from "./csv";
import { isUuid } from "@/lib/platform/validation/uuid";

/**
 * Single-row edits of the carte scolaire from /admin. A row goes through the import's own parser (written as
 * a one-line file), so the rules and messages are the same as for an import.
 */
const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
const oneLine = (columns: readonly string[], values: Record<string, string>) =>
  `${columns.join(";")}\n${columns.map((column) => quote(values[column] ?? "")).join(";")}`;

export async function listSectorsForStaff(caller: Caller) {
  await authorizeStaff(caller);
  return db().schoolSector.findMany({
    orderBy: [{ streetKey: "asc" }, { parity: "asc" }, { fromNumber: "asc" }],
    select: {
      id: true,
      street: true,
      parity: true,
      fromNumber: true,
      toNumber: true,
      maternelle: { select: { code: true } },
      elementaire: { select: { code: true } },
    },
  });
}

export async function listSchoolsForStaff(caller: Caller) {
  await authorizeStaff(caller);
  return db().school.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, kind: true, address: true, phone: true, email: true, director: true, capacity: true },
  });
}

export async function updateSector(caller: Caller, id: string, values: Record<string, string>): Promise<void> {
  const actor = await authorizeStaff(caller);
  if (!isUuid(id)) throw new ExpectedError("Cette ligne de la carte scolaire n'existe plus.");
  const { rows, errors } = parseSectorsCsv(oneLine(SECTOR_COLUMNS, values));
  const row = rows[0];
  if (!row) throw new ExpectedError((errors[0]?.message ?? "Ligne illisible.").replace(/^Ligne 2 : /, ""));
  const [maternelle, elementaire] = await Promise.all([
    db().school.findUnique({ where: { code: row.maternelle } }),
    db().school.findUnique({ where: { code: row.elementaire } }),
  ]);
  if (maternelle?.kind !== "MATERNELLE")
    throw new ExpectedError(`« ${row.maternelle} » n'est pas une école maternelle connue.`, "maternelle");
  if (elementaire?.kind !== "ELEMENTAIRE")
    throw new ExpectedError(`« ${row.elementaire} » n'est pas une école élémentaire connue.`, "elementaire");
  try {
    const updated = await db().schoolSector.updateMany({
      where: { id },
      data: {
        street: row.street,
        streetKey: row.streetKey,
        parity: row.parity,
        fromNumber: row.fromNumber,
        toNumber: row.toNumber,
        maternelleId: maternelle.id,
        elementaireId: elementaire.id,
      },
    });
    if (updated.count === 0) throw new ExpectedError("Cette ligne de la carte scolaire n'existe plus.");
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new ExpectedError("Une autre ligne couvre déjà cette voie et cette plage de numéros.", "voie");
    throw error;
  }
  await audit({ ...staffAudit(actor), action: "carte-scolaire.sector.updated", targetType: "SchoolSector", targetId: id });
}

export async function updateSchool(caller: Caller, code: string, values: Record<string, string>): Promise<void> {
  const actor = await authorizeStaff(caller);
  // Field by field first (the form's fields), then the import's own rules for the rest.
  const text = (name: string) => (values[name] ?? "").trim();
  const required = { nom: "nom", adresse: "adresse" } as const;
  for (const [name, label] of Object.entries(required))
    if (!text(name)) throw new ExpectedError(`Le champ '${label}' est obligatoire.`, name);
  for (const name of ["nom", "adresse", "telephone", "courriel", "directeur"]) {
    if (text(name).length > 200) throw new ExpectedError("Ce champ compte au plus 200 caractères.", name);
    if (hasForbiddenCharacters(text(name))) throw new ExpectedError("Ce champ contient des caractères non autorisés : retirez-les.", name);
  }
  if (text("courriel") && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text("courriel")))
    throw new ExpectedError("Le champ 'courriel' doit être une adresse électronique valide (exemple : nom@domaine.fr).", "courriel");
  const { rows, errors } = parseSchoolsCsv(oneLine(SCHOOL_COLUMNS, { ...values, code }));
  const row = rows[0];
  if (!row) throw new ExpectedError((errors[0]?.message ?? "Ligne illisible.").replace(/^Ligne 2 : /, ""));
  const current = await db().school.findUnique({ where: { code: row.code }, select: { kind: true } });
  if (!current) throw new ExpectedError("Cette école n'existe plus.");
  // A maternelle stays a maternelle: the carte's rows point at it as one (a change of kind goes through an import).
  if (current.kind !== row.kind)
    throw new ExpectedError("Le type d'une école ne change pas ici : passez par l'import de la carte scolaire.");
  const data = {
    name: row.name,
    kind: row.kind,
    address: row.address,
    phone: row.phone,
    email: row.email,
    director: row.director,
    capacity: row.capacity,
  };
  const updated = await db().school.updateMany({ where: { code: row.code }, data });
  if (updated.count === 0) throw new ExpectedError("Cette école n'existe plus.");
  await audit({ ...staffAudit(actor), action: "carte-scolaire.school.updated", targetType: "School", targetId: row.code });
}
