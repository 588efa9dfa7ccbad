"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/forms/Field";
import { uploadToStorageAction, type StorageState } from "@/lib/documents/actions";
import { ACCEPT_ATTRIBUTE, DOCUMENT_RULE_TEXT } from "@/lib/documents/schemas";

const kinds = [
  { value: "LIVRET_FAMILLE", label: "Livret de famille ou acte de naissance" },
  { value: "JUSTIFICATIF_DOMICILE", label: "Justificatif de domicile" },
  { value: "JUGEMENT", label: "Jugement ou ordonnance" },
  { value: "AUTRE", label: "Autre document" },
];

export function StorageUploadForm() {
  const [state, action, pending] = useActionState<StorageState, FormData>(uploadToStorageAction, { status: "idle" });
  return (
    <form action={action} className="flex flex-col gap-4">
      <SelectField label="Type de document" name="type" required options={kinds} />
      <div>
        <label htmlFor="stockage-fichier" className="field-label">
          <span aria-hidden="true" className="mr-1 text-red-700">
            *
          </span>
          Fichier <span className="font-normal text-slate-600">({DOCUMENT_RULE_TEXT})</span>
        </label>
        <input
          id="stockage-fichier"
          name="fichier"
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          required
          aria-invalid={state.status === "error" || undefined}
          aria-describedby={state.status === "error" ? "stockage-erreur" : undefined}
          className="field-input file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1"
        />
        {state.status === "error" ? (
          <p id="stockage-erreur" className="field-error">
            {state.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary self-start" disabled={pending}>
        Ajouter à mon espace de stockage
      </button>
    </form>
  );
}
