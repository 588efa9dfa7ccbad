"use client";

import { FormText, FormTextarea } from "@/components/forms/ActionForm";

export function NewsFields({ values }: { values?: { title: string; summary: string; body: string } }) {
  return (
    <>
      <FormText name="title" label="Titre" required defaultValue={values?.title} maxLength={150} />
      <FormTextarea
        name="summary"
        label="Résumé"
        required
        rows={2}
        defaultValue={values?.summary}
        help="Affiché dans la liste des actualités (300 caractères au plus)."
      />
      <FormTextarea
        name="body"
        label="Texte"
        required
        rows={10}
        defaultValue={values?.body}
        help="Texte simple : une ligne vide sépare deux paragraphes."
      />
    </>
  );
}
