"use client";

import { FormText, FormTextarea } from "@/components/forms/ActionForm";

export function PublicDocumentFields({
  values,
  fileRequired,
}: {
  values?: { title: string; description: string | null; position: number };
  fileRequired: boolean;
}) {
  return (
    <>
      <FormText name="title" label="Titre" required defaultValue={values?.title} maxLength={150} />
      <FormTextarea
        name="description"
        label="Description"
        rows={2}
        defaultValue={values?.description ?? undefined}
        help="Une phrase sous le titre (500 caractères au plus)."
      />
      <FormText
        name="position"
        label="Ordre d'affichage"
        type="number"
        min={0}
        max={999}
        required
        defaultValue={String(values?.position ?? 0)}
        help="Les documents s'affichent du plus petit nombre au plus grand."
        className="max-w-32"
      />
      <FormText
        name="file"
        label={fileRequired ? "Fichier PDF" : "Remplacer le fichier PDF"}
        type="file"
        accept="application/pdf,.pdf"
        required={fileRequired}
        help="Format PDF uniquement, 10 Mo au plus."
      />
    </>
  );
}
