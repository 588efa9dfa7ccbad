"use client";

import { useActionState } from "react";
import { ErrorBanner } from "@/components/forms/ErrorBanner";
import { carteImportAction, type ImportState } from "../actions";
import type { RowChange } from "../diff";
import { describeRange } from "../sectors";
import type { SchoolRow, SectorRow } from "../csv";

const sectorText = (row: SectorRow) => `${row.street} (${describeRange(row)}) → ${row.maternelle} / ${row.elementaire}`;
const schoolText = (row: SchoolRow) => `${row.code} — ${row.name}`;

function Changes<T>({ title, changes, text }: { title: string; changes: RowChange<T>[]; text: (row: T) => string }) {
  if (!changes.length) return null;
  return (
    <div>
      <h3 className="font-semibold">
        {title} ({changes.length})
      </h3>
      <ul className="list-disc pl-6 text-sm">
        {changes.map((change) => (
          <li key={change.key}>
            {change.before && change.after
              ? `${text(change.before)} ⇒ ${text(change.after)} (${change.fields.join(", ")})`
              : text((change.after ?? change.before)!)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Step 1: choose the files, see the differences. Step 2: apply exactly those files (carried in the form). */
export function CarteImportForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(carteImportAction, { status: "idle" });
  const preview = state.preview;
  return (
    <div className="flex flex-col gap-6">
      {state.status === "done" && state.message ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          {state.message}
        </p>
      ) : null}
      <form action={action} encType="multipart/form-data" className="card flex flex-col gap-4" noValidate>
        <ErrorBanner
          show={state.status === "error"}
          focusKey={state.attempt}
          message={state.message ?? Object.values(state.fieldErrors ?? {})[0]}
        />
        <input type="hidden" name="etape" value="apercu" />
        <div>
          <label htmlFor="fichier-ecoles" className="field-label">
            Fichier des écoles (CSV, facultatif)
          </label>
          <input
            id="fichier-ecoles"
            name="ecoles"
            type="file"
            accept=".csv,text/csv"
            className="block text-sm"
            aria-describedby="fichier-aide"
          />
        </div>
        <div>
          <label htmlFor="fichier-secteurs" className="field-label">
            Fichier des secteurs (CSV, facultatif)
          </label>
          <input
            id="fichier-secteurs"
            name="secteurs"
            type="file"
            accept=".csv,text/csv"
            className="block text-sm"
            aria-describedby="fichier-aide"
          />
        </div>
        <p id="fichier-aide" className="field-help">
          UTF-8, séparateur point-virgule ; les colonnes sont décrites dans la documentation (README). Un fichier non fourni ne change rien.
        </p>
        <button type="submit" className="btn-primary self-start" disabled={pending}>
          Voir les différences
        </button>
      </form>
      {preview ? (
        <section aria-labelledby="apercu-titre" className="card flex flex-col gap-4">
          <h2 id="apercu-titre" className="section-title">
            Aperçu : {preview.changes} modification{preview.changes > 1 ? "s" : ""}
          </h2>
          {preview.errors.length ? (
            <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-semibold">
                Le fichier contient des erreurs ; rien ne sera appliqué tant qu&apos;elles ne sont pas corrigées :
              </p>
              <ul className="list-disc pl-6">
                {preview.errors.map((error, index) => (
                  <li key={index}>{error.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Changes title="Écoles ajoutées" changes={preview.diff.schools.added} text={schoolText} />
          <Changes title="Écoles modifiées" changes={preview.diff.schools.changed} text={schoolText} />
          <Changes title="Écoles retirées" changes={preview.diff.schools.removed} text={schoolText} />
          <Changes title="Secteurs ajoutés" changes={preview.diff.sectors.added} text={sectorText} />
          <Changes title="Secteurs modifiés" changes={preview.diff.sectors.changed} text={sectorText} />
          <Changes title="Secteurs retirés" changes={preview.diff.sectors.removed} text={sectorText} />
          {!preview.errors.length && preview.changes > 0 ? (
            <form action={action}>
              <input type="hidden" name="etape" value="appliquer" />
              <input type="hidden" name="empreinte" value={preview.fingerprint} />
              {state.schoolsCsv ? <input type="hidden" name="ecoles_texte" value={state.schoolsCsv} /> : null}
              {state.sectorsCsv ? <input type="hidden" name="secteurs_texte" value={state.sectorsCsv} /> : null}
              <button type="submit" className="btn-accent" disabled={pending}>
                Appliquer ces {preview.changes} modifications
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
