"use client";

import { useActionState, useId } from "react";
import { attachFromStorageAction, detachAttachmentAction, uploadAttachmentAction, type AttachmentState } from "@/lib/declaration/actions";
import { ACCEPT_ATTRIBUTE, DOCUMENT_RULE_TEXT } from "@/lib/documents/schemas";

interface Attached {
  id: string;
  fileName: string;
  size: string;
}

/** One kind of "Pièces jointes": what is attached, "Ajouter" (upload) and "Ajouter depuis mon espace de stockage". */
export function AttachmentKind({
  kind,
  label,
  attached,
  stored,
  editable,
}: {
  kind: string;
  label: string;
  attached: Attached[];
  stored: { id: string; fileName: string }[];
  editable: boolean;
}) {
  const [uploadState, upload, uploading] = useActionState<AttachmentState, FormData>(uploadAttachmentAction.bind(null, kind), {
    status: "idle",
  });
  const [storageState, attach, attaching] = useActionState<AttachmentState, FormData>(attachFromStorageAction.bind(null, kind), {
    status: "idle",
  });
  const id = useId().replace(/:/g, "");
  const available = stored.filter((document) => !attached.some((item) => item.id === document.id));
  return (
    <li className="rounded-md border border-slate-300 p-4">
      <h3 className="mb-2 font-semibold text-slate-900">{label}</h3>
      {attached.length > 0 ? (
        <ul className="mb-3 flex flex-col gap-2">
          {attached.map((document) => (
            <li key={document.id} className="flex flex-wrap items-center gap-3 text-sm">
              <a href={`/espace/documents/${document.id}`} className="link">
                {document.fileName}
              </a>
              <span className="text-slate-600">({document.size})</span>
              {editable ? (
                <form action={detachAttachmentAction}>
                  <input type="hidden" name="document" value={document.id} />
                  <button type="submit" className="text-sm font-semibold text-red-700 underline">
                    Retirer<span className="sr-only"> {document.fileName}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-3 text-sm text-slate-600">Aucune pièce jointe.</p>
      )}
      {editable ? (
        <div className="flex flex-col gap-4 lg:flex-row lg:items-end">
          <form action={upload} className="flex flex-1 flex-col gap-2">
            <label htmlFor={`${id}-fichier`} className="field-label">
              Ajouter un fichier <span className="font-normal text-slate-600">({DOCUMENT_RULE_TEXT})</span>
            </label>
            <input
              id={`${id}-fichier`}
              name="fichier"
              type="file"
              accept={ACCEPT_ATTRIBUTE}
              required
              aria-invalid={uploadState.status === "error" || undefined}
              aria-describedby={uploadState.status === "error" ? `${id}-erreur` : undefined}
              className="field-input file:mr-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1"
            />
            {uploadState.status === "error" ? (
              <p id={`${id}-erreur`} className="field-error">
                {uploadState.message}
              </p>
            ) : null}
            <button type="submit" className="btn-secondary self-start" disabled={uploading}>
              Ajouter
            </button>
          </form>
          {available.length > 0 ? (
            <form action={attach} className="flex flex-1 flex-col gap-2">
              <label htmlFor={`${id}-stockage`} className="field-label">
                Un document de mon espace de stockage
              </label>
              <select
                id={`${id}-stockage`}
                name="document"
                className="field-input"
                aria-describedby={storageState.status === "error" ? `${id}-erreur-stockage` : undefined}
              >
                {available.map((document) => (
                  <option key={document.id} value={document.id}>
                    {document.fileName}
                  </option>
                ))}
              </select>
              {storageState.status === "error" ? (
                <p id={`${id}-erreur-stockage`} className="field-error">
                  {storageState.message}
                </p>
              ) : null}
              <button type="submit" className="btn-secondary self-start" disabled={attaching}>
                Ajouter depuis mon espace de stockage
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
