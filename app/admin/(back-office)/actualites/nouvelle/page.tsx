import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FormCheckbox } from "@/components/forms/ActionForm";
import { NewsFields } from "@/lib/content/components/NewsFields";
import { saveNews } from "@/lib/content/actions";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Nouvelle actualité" };

export default async function NewNewsPage() {
  await requireStaff();
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/actualites" className="link text-sm">
          Retour aux actualités
        </Link>
      </p>
      <h1 className="page-title mb-6">Nouvelle actualité</h1>
      <div className="card">
        <ActionForm action={saveNews.bind(null, null)} submitLabel="Enregistrer">
          <NewsFields />
          <FormCheckbox name="publish" label="Publier sur le portail dès l'enregistrement" />
        </ActionForm>
      </div>
    </>
  );
}
