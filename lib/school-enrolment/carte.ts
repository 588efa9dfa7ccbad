import "server-only";
import { createHash } from "node:crypto";
import { ExpectedError } from "@/lib/platform/errors";
import { audit } from "@/lib/platform/audit";
import { db } from "@/lib/platform/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeStaff, staffAudit, type Caller } from "@/lib/platform/security/authorize";
import { parseSchoolsCsv, parseSectorsCsv, sectorKey, type CsvError, type SchoolRow, type SectorRow } from "./csv";
import { diffCarte, diffSize, type CarteDiff } from "./diff";
import { matchSector } from "./sectors";
import { parseAddress, streetKey } from "./streets";

/**
 * The carte scolaire held in the database: reading it as CSV-shaped rows, previewing and applying an import
 * (one transaction, refused if the carte changed since the preview), and the address lookup.
 */

type Db = Prisma.TransactionClient | ReturnType<typeof db>;

async function currentCarte(client: Db): Promise<{ schools: SchoolRow[]; sectors: SectorRow[] }> {
  const [schools, sectors] = await Promise.all([
    client.school.findMany({ orderBy: { code: "asc" } }),
    client.schoolSector.findMany({
      include: { maternelle: { select: { code: true } }, elementaire: { select: { code: true } } },
      orderBy: [{ streetKey: "asc" }, { fromNumber: "asc" }],
    }),
  ]);
  return {
    schools: schools.map((school) => ({
      code: school.code,
      name: school.name,
      kind: school.kind,
      address: school.address,
      phone: school.phone,
      email: school.email,
      director: school.director,
      capacity: (school.capacity ?? {}) as Record<string, number>,
    })),
    sectors: sectors.map((sector) => ({
      street: sector.street,
      streetKey: sector.streetKey,
      parity: sector.parity,
      fromNumber: sector.fromNumber,
      toNumber: sector.toNumber,
      maternelle: sector.maternelle.code,
      elementaire: sector.elementaire.code,
    })),
  };
}

function fingerprint(carte: { schools: SchoolRow[]; sectors: SectorRow[] }): string {
  const sorted = {
    schools: [...carte.schools].sort((a, b) => a.code.localeCompare(b.code)),
    sectors: [...carte.sectors].sort((a, b) => sectorKey(a).localeCompare(sectorKey(b))),
  };
  return createHash("sha256").update(JSON.stringify(sorted)).digest("hex");
}

export interface ImportInput {
  schoolsCsv: string | null;
  sectorsCsv: string | null;
}

export interface ImportPreview {
  diff: CarteDiff;
  errors: CsvError[];
  /** The carte the preview was computed on: applying is refused if it changed meanwhile. */
  fingerprint: string;
  changes: number;
}

function parseInput(input: ImportInput, current: { schools: SchoolRow[] }) {
  const schools = input.schoolsCsv === null ? null : parseSchoolsCsv(input.schoolsCsv);
  const sectors = input.sectorsCsv === null ? null : parseSectorsCsv(input.sectorsCsv);
  const errors = [
    ...(schools?.errors ?? []).map((error) => ({ ...error, message: `Écoles — ${error.message}` })),
    ...(sectors?.errors ?? []).map((error) => ({ ...error, message: `Secteurs — ${error.message}` })),
  ];
  const schoolRows = schools?.rows ?? current.schools;
  const kinds = new Map(schoolRows.map((school) => [school.code, school.kind]));
  for (const [index, row] of (sectors?.rows ?? []).entries()) {
    if (kinds.get(row.maternelle) !== "MATERNELLE")
      errors.push({ line: index + 2, message: `Secteurs — ${row.street} : « ${row.maternelle} » n'est pas une école maternelle connue.` });
    if (kinds.get(row.elementaire) !== "ELEMENTAIRE")
      errors.push({
        line: index + 2,
        message: `Secteurs — ${row.street} : « ${row.elementaire} » n'est pas une école élémentaire connue.`,
      });
  }
  return { schools: schools?.rows ?? null, sectors: sectors?.rows ?? null, errors };
}

export async function previewCarteImport(caller: Caller, input: ImportInput): Promise<ImportPreview> {
  const actor = await authorizeStaff(caller);
  const current = await currentCarte(db());
  const parsed = parseInput(input, current);
  const diff = diffCarte(current, parsed);
  await audit({
    ...staffAudit(actor),
    action: "carte-scolaire.import.previewed",
    details: { changes: diffSize(diff), errors: parsed.errors.length },
  });
  return { diff, errors: parsed.errors, fingerprint: fingerprint(current), changes: diffSize(diff) };
}

/** Applies the import in one transaction; nothing is written if a row is wrong or the carte changed since the preview. */
export async function applyCarteImport(caller: Caller, input: ImportInput, seenFingerprint: string): Promise<{ changes: number }> {
  const actor = await authorizeStaff(caller);
  return db().$transaction(async (tx) => {
    // One import at a time: a second one waits, then sees a different fingerprint.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('carte-scolaire-import'))`;
    const current = await currentCarte(tx);
    if (fingerprint(current) !== seenFingerprint)
      throw new ExpectedError("La carte scolaire a changé depuis l'aperçu : relancez l'aperçu avant d'appliquer.");
    const parsed = parseInput(input, current);
    if (parsed.errors.length) throw new ExpectedError("Le fichier contient des erreurs : corrigez-les avant d'appliquer.");
    const diff = diffCarte(current, parsed);
    for (const change of [...diff.schools.added, ...diff.schools.changed]) {
      const row = change.after!;
      const data = {
        name: row.name,
        kind: row.kind,
        address: row.address,
        phone: row.phone,
        email: row.email,
        director: row.director,
        capacity: row.capacity,
      };
      await tx.school.upsert({ where: { code: row.code }, create: { code: row.code, ...data }, update: data });
    }
    const ids = new Map((await tx.school.findMany({ select: { id: true, code: true } })).map((school) => [school.code, school.id]));
    for (const change of diff.sectors.removed) {
      const row = change.before!;
      await tx.schoolSector.deleteMany({
        where: { streetKey: row.streetKey, parity: row.parity, fromNumber: row.fromNumber, toNumber: row.toNumber },
      });
    }
    for (const change of diff.sectors.changed) {
      const row = change.after!;
      await tx.schoolSector.updateMany({
        where: { streetKey: row.streetKey, parity: row.parity, fromNumber: row.fromNumber, toNumber: row.toNumber },
        data: { street: row.street, maternelleId: ids.get(row.maternelle)!, elementaireId: ids.get(row.elementaire)! },
      });
    }
    if (diff.sectors.added.length) {
      await tx.schoolSector.createMany({
        data: diff.sectors.added.map(({ after: row }) => ({
          street: row!.street,
          streetKey: row!.streetKey,
          parity: row!.parity,
          fromNumber: row!.fromNumber,
          toNumber: row!.toNumber,
          maternelleId: ids.get(row!.maternelle)!,
          elementaireId: ids.get(row!.elementaire)!,
        })),
      });
    }
    for (const change of diff.schools.removed) {
      const code = change.before!.code;
      const used = await tx.school.findUnique({
        where: { code },
        select: { _count: { select: { sectorsAsMaternelle: true, sectorsAsElementaire: true, enrolments: true } } },
      });
      const count = used?._count;
      if (count && count.sectorsAsMaternelle + count.sectorsAsElementaire + count.enrolments > 0) {
        throw new ExpectedError(`L'école « ${code} » ne peut pas être retirée : des secteurs ou des inscriptions s'y rattachent encore.`);
      }
      await tx.school.delete({ where: { code } });
    }
    await audit({ ...staffAudit(actor), action: "carte-scolaire.import.applied", details: { changes: diffSize(diff) } }, tx);
    return { changes: diffSize(diff) };
  });
}

export interface SchoolContact {
  id: string;
  code: string;
  name: string;
  kind: "MATERNELLE" | "ELEMENTAIRE";
  address: string;
  phone: string | null;
  email: string | null;
  director: string | null;
}

const schoolContact = { id: true, code: true, name: true, kind: true, address: true, phone: true, email: true, director: true } as const;

export type AddressLookup =
  | { kind: "found"; street: string; number: number | null; maternelle: SchoolContact; elementaire: SchoolContact }
  | { kind: "needs-number"; street: string }
  | { kind: "unknown-street"; suggestions: string[] };

/** The schools of an address of the town (public: no personal data involved). */
export async function lookupAddress(address: string): Promise<AddressLookup> {
  const { number, street } = parseAddress(address.slice(0, 200));
  const key = streetKey(street);
  const rows = key
    ? await db().schoolSector.findMany({
        where: { streetKey: key },
        include: { maternelle: { select: schoolContact }, elementaire: { select: schoolContact } },
      })
    : [];
  if (!rows.length) {
    const words = key.split(" ").filter((word) => word.length > 2);
    const streets = await streetNames();
    const suggestions = words.length ? streets.filter((name) => words.some((word) => streetKey(name).includes(word))).slice(0, 8) : [];
    return { kind: "unknown-street", suggestions };
  }
  const row = matchSector(rows, number);
  if (!row) return { kind: "needs-number", street: rows[0]!.street };
  return { kind: "found", street: row.street, number, maternelle: row.maternelle, elementaire: row.elementaire };
}

/** The town's streets, once each, for autocompletion. */
export async function streetNames(): Promise<string[]> {
  const rows = await db().schoolSector.findMany({ distinct: ["streetKey"], select: { street: true }, orderBy: { streetKey: "asc" } });
  return rows.map((row) => row.street);
}
