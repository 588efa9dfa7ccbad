"use server";

import { redirect } from "next/navigation";
import { runAdminAction } from "@/lib/platform/actions/run-action";
import { ExpectedError } from "@/lib/platform/errors";
import type { AdminFormState } from "@/lib/platform/actions/admin-form-state";
import { requireParent } from "@/lib/auth";
import { staffCaller } from "@/lib/staff";
import { applyCarteImport, previewCarteImport } from "./carte";
import { updateSchool, updateSector } from "./carte-edit";
import { LEVELS } from "./levels";
import { saveCampaign } from "./campaign-settings";
import { frenchDay } from "./campaign";
import { decideSchoolRequest } from "./review";
import { submitSchoolRequest } from "./requests";
import { decisionSchema, REQUIRED_DOCUMENTS, schoolRequestSchema, type RequiredDocument } from "./schemas";

export type SchoolRequestState = AdminFormState;

const fileOf = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return value instanceof File && value.size > 0 ? value : null;
};

/** The parent's request (validated again here: the page's form is only a convenience). */
export async function submitSchoolRequestAction(previous: SchoolRequestState, formData: FormData): Promise<SchoolRequestState> {
  const parent = await requireParent("/espace/inscription-scolaire");
  let done = false;
  const state = await runAdminAction(previous, formData, async () => {
    const parsed = schoolRequestSchema.safeParse(
      Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string")),
    );
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      const values = Object.fromEntries([...formData.entries()].filter(([, value]) => typeof value === "string")) as Record<string, string>;
      return { status: "error", fieldErrors, values, attempt: (previous.attempt ?? 0) + 1 };
    }
    const files = Object.fromEntries(
      [...(Object.keys(REQUIRED_DOCUMENTS) as RequiredDocument[]), "derogation"].map((code) => [code, fileOf(formData, `doc_${code}`)]),
    );
    await submitSchoolRequest(parent.id, parsed.data, files);
    done = true;
    return { status: "done" };
  });
  if (done) redirect("/espace/inscription-scolaire?envoyee=1");
  return state;
}

async function readCsv(formData: FormData, name: string): Promise<string | null> {
  const file = formData.get(name);
  if (file instanceof File && file.size > 0) {
    if (file.size > 2 * 1024 * 1024) throw new ExpectedError("Le fichier dépasse 2 Mo.", name);
    return new TextDecoder("utf-8").decode(await file.arrayBuffer());
  }
  const text = formData.get(`${name}_texte`);
  return typeof text === "string" && text ? text : null;
}

export type ImportState = AdminFormState & {
  preview?: Awaited<ReturnType<typeof previewCarteImport>>;
  schoolsCsv?: string | null;
  sectorsCsv?: string | null;
};

/** Staff: first the preview of the differences, then (the same files, carried by the form) their application. */
export async function carteImportAction(previous: ImportState, formData: FormData): Promise<ImportState> {
  const caller = await staffCaller();
  let carried: Pick<ImportState, "preview" | "schoolsCsv" | "sectorsCsv"> = {};
  const state: ImportState = await runAdminAction(previous, formData, async () => {
    const input = { schoolsCsv: await readCsv(formData, "ecoles"), sectorsCsv: await readCsv(formData, "secteurs") };
    if (input.schoolsCsv === null && input.sectorsCsv === null)
      throw new ExpectedError("Choisissez au moins un fichier (écoles ou secteurs).", "secteurs");
    if (formData.get("etape") === "appliquer") {
      const result = await applyCarteImport(caller, input, String(formData.get("empreinte") ?? ""));
      return {
        status: "done",
        message: `Carte scolaire mise à jour : ${result.changes} modification${result.changes > 1 ? "s" : ""} appliquée${result.changes > 1 ? "s" : ""}.`,
      };
    }
    carried = { preview: await previewCarteImport(caller, input), ...input };
    return { status: "idle" };
  });
  return { ...state, ...carried };
}

/** Staff decisions on a request: grant or refuse a derogation, validate, refuse. */
export async function decideSchoolRequestAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const caller = await staffCaller();
  return runAdminAction(previous, formData, async () => {
    const parsed = decisionSchema.safeParse({
      id: formData.get("id"),
      version: formData.get("version"),
      reason: formData.get("reason") ?? "",
    });
    if (!parsed.success) throw new ExpectedError("Cette demande est introuvable : rechargez la page.");
    const decision = String(formData.get("decision") ?? "");
    if (decision !== "grant-derogation" && decision !== "refuse-derogation" && decision !== "validate" && decision !== "refuse")
      throw new ExpectedError("Choisissez une décision.");
    await decideSchoolRequest(caller, { ...parsed.data, decision });
    redirect(`/admin/inscriptions-scolaires/${parsed.data.id}?fait=1`);
  });
}

/** Staff: one sector row of the carte scolaire. */
export async function updateSectorAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const caller = await staffCaller();
  return runAdminAction(previous, formData, async () => {
    const values = Object.fromEntries(
      ["voie", "parite", "numero_debut", "numero_fin", "maternelle", "elementaire"].map((name) => [name, String(formData.get(name) ?? "")]),
    );
    await updateSector(caller, String(formData.get("id") ?? ""), values);
    return { status: "done", message: "Ligne enregistrée." };
  });
}

/** Administrators: the enrolment campaign's school year and dates (the lib checks the role again). */
export async function saveCampaignAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const caller = await staffCaller("ADMINISTRATOR");
  return runAdminAction(previous, formData, async () => {
    const campaign = await saveCampaign(
      caller,
      Object.fromEntries(["schoolYearStart", "opensOn", "closesOn"].map((name) => [name, String(formData.get(name) ?? "")])),
    );
    return {
      status: "done",
      message: `Campagne enregistrée : inscriptions ${campaign.schoolYearStart}-${campaign.schoolYearStart + 1} du ${frenchDay(campaign.opensOn)} au ${frenchDay(campaign.closesOn)}.`,
    };
  });
}

/** Staff: a school's name, contacts and places per level (the levels' fields make the import's "PS=56,MS=56"). */
export async function updateSchoolAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const caller = await staffCaller();
  return runAdminAction(previous, formData, async () => {
    const text = (name: string) => String(formData.get(name) ?? "").trim();
    const capacity = LEVELS.filter((level) => formData.has(`capacite_${level}`)).map((level) => {
      const value = text(`capacite_${level}`);
      if (!/^\d{1,4}$/.test(value))
        throw new ExpectedError(`Le nombre de places en ${level} doit être un nombre entier (exemple : 56).`, `capacite_${level}`);
      return `${level}=${value}`;
    });
    await updateSchool(caller, text("code"), {
      nom: text("nom"),
      type: text("type"),
      adresse: text("adresse"),
      telephone: text("telephone"),
      courriel: text("courriel"),
      directeur: text("directeur"),
      capacite: capacity.join(","),
    });
    return { status: "done", message: "École enregistrée : la carte scolaire publique et les effectifs l'affichent." };
  });
}
