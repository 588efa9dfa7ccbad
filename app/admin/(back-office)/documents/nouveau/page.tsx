import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FormCheckbox } from "@/components/forms/ActionForm";
import { PublicDocumentFields } from "@/lib/content/components/PublicDocumentFields";
import { savePublicDocument } from "@/lib/content/actions";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Nouveau document" };

export default async function NewPublicDocumentPage() {
  await requireStaff();
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/documents" className="link text-sm">
          Retour aux documents
        </Link>
      </p>
      <h1 className="page-title mb-6">Nouveau document à télécharger</h1>
      <div className="card">
        <ActionForm action={savePublicDocument.bind(null, null)} submitLabel="Enregistrer" encType="multipart/form-data">
          <PublicDocumentFields fileRequired />
          <FormCheckbox name="publish" label="Publier sur le portail dès l'enregistrement" />
        </ActionForm>
      </div>
    </>
  );
}
