"use client";

import { useActionState, useState } from "react";
import { SelectField, TextField } from "@/components/forms/Field";
import { uploadToStorageAction, type StorageState } from "../storage-actions";
import { ACCEPT_ATTRIBUTE, DOCUMENT_RULE_TEXT } from "@/lib/documents/schemas";

export interface StorageKindOption {
  value: string;
  label: string;
  /** « valable 3 mois à partir de sa date » */
  validity: string;
  needsDate: boolean;
  needsEndDate: boolean;
  perChild: boolean;
}

/** Adds a document to the storage space, with its kind (the town's list), its date and, where needed, its child. */
export function StorageUploadForm({ kinds, kids }: { kinds: StorageKindOption[]; kids: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<StorageState, FormData>(uploadToStorageAction, { status: "idle" });
  const [code, setCode] = useState("");
  const kind = kinds.find((entry) => entry.value === code);
  const errorOf = (field: string) => (state.status === "error" && (state.field ?? "fichier") === field ? state.message : undefined);
  return (
    <form action={action} className="flex flex-col gap-4">
      <SelectField
        label="Type de document"
        name="type"
        required
        options={kinds}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        help={kind ? `Ce document est ${kind.validity}.` : undefined}
        error={errorOf("type")}
      />
      {!kind || kind.needsDate || !kind.needsEndDate ? (
        <TextField
          label="Date du document"
          name="date"
          required={kind?.needsDate ?? false}
          inputMode="numeric"
          placeholder="jj/mm/aaaa"
          help="La date d'émission écrite sur le document (format jj/mm/aaaa)."
          error={errorOf("date")}
        />
      ) : null}
      {kind?.needsEndDate ? (
        <TextField
          label="Fin de validité"
          name="fin"
          required
          inputMode="numeric"
          placeholder="jj/mm/aaaa"
          help="Format : jj/mm/aaaa"
          error={errorOf("fin")}
        />
      ) : null}
      {kind?.perChild ? <SelectField label="Enfant concerné" name="enfant" required options={kids} error={errorOf("enfant")} /> : null}
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
          aria-invalid={errorOf("fichier") ? true : undefined}
          aria-describedby={errorOf("fichier") ? "stockage-erreur" : undefined}
          className="field-input file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1"
        />
        {errorOf("fichier") ? (
          <p id="stockage-erreur" className="field-error">
            {errorOf("fichier")}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn-primary self-start" disabled={pending}>
        Ajouter à mon espace de stockage
      </button>
    </form>
  );
}
