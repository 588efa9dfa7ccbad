import "server-only";
import type { DocumentKind } from "@/lib/generated/prisma/client";
import { parseFrenchDate } from "@/lib/platform/validation/date";
import { childForParent } from "./access";
import { documentKind, documentKinds } from "./documents";
import { LEGACY_KIND_CODES, legacyKindOf, parisDay, validityText, validUntilFor } from "./rules";

/**
 * The storage space's upload form: the kind comes from the town's list, with the date written on the
 * document (and, for a PAI, its end date, and the child it is about); the last valid day is computed here.
 * Older clients posting the former kinds (LIVRET_FAMILLE...) still work.
 */
export type UploadMeta =
  | {
      ok: true;
      kind: DocumentKind;
      meta: { kindCode: string; documentDate: string | null; validUntil: string | null; childId: string | null };
    }
  | { ok: false; message: string; field: string };

export async function documentMetaFromForm(accountId: string, formData: FormData): Promise<UploadMeta> {
  const posted = String(formData.get("type") ?? "").trim();
  const code = LEGACY_KIND_CODES[posted] ?? posted;
  const kind = documentKind(code);
  if (!kind) return { ok: false, message: "Le champ 'type de document' est obligatoire.", field: "type" };
  const dateText = String(formData.get("date") ?? "").trim();
  const endText = String(formData.get("fin") ?? "").trim();
  const needsDate = kind.validity.rule !== "none" && kind.validity.rule !== "end-date";
  let documentDate: string | null = null;
  if (dateText) {
    documentDate = parseFrenchDate(dateText);
    if (!documentDate)
      return { ok: false, message: "Le champ 'date du document' est mal renseigné. Format attendu : jj/mm/aaaa.", field: "date" };
    if (documentDate > parisDay(new Date()))
      return { ok: false, message: "La date du document ne peut pas être dans le futur.", field: "date" };
  } else if (needsDate) {
    return { ok: false, message: "Le champ 'date du document' est obligatoire pour ce type de document.", field: "date" };
  }
  let endDate: string | null = null;
  if (kind.validity.rule === "end-date") {
    endDate = endText ? parseFrenchDate(endText) : null;
    if (!endText) return { ok: false, message: "Le champ 'fin de validité' est obligatoire pour ce type de document.", field: "fin" };
    if (!endDate) return { ok: false, message: "Le champ 'fin de validité' est mal renseigné. Format attendu : jj/mm/aaaa.", field: "fin" };
  }
  let childId: string | null = null;
  const childText = String(formData.get("enfant") ?? "").trim();
  if (kind.perChild && childText) {
    const child = await childForParent(accountId, childText);
    if (!child) return { ok: false, message: "Choisissez un de vos enfants dans la liste.", field: "enfant" };
    childId = child.id;
  } else if (kind.perChild && code !== "autre") {
    return { ok: false, message: "Le champ 'enfant concerné' est obligatoire pour ce type de document.", field: "enfant" };
  }
  const validUntil = validUntilFor(kind.validity, documentDate ?? parisDay(new Date()), endDate);
  return { ok: true, kind: legacyKindOf(code), meta: { kindCode: code, documentDate, validUntil, childId } };
}

/** The upload form's kinds, from the town's configuration. */
export function storageKindOptions() {
  return documentKinds().map((kind) => ({
    value: kind.code,
    label: kind.label,
    validity: validityText(kind.validity),
    needsDate: kind.validity.rule !== "none" && kind.validity.rule !== "end-date",
    needsEndDate: kind.validity.rule === "end-date",
    perChild: kind.perChild,
  }));
}
