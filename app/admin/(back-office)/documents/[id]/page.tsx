import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { PublicDocumentFields } from "@/lib/content/components/PublicDocumentFields";
import { Notice, PublicationBadge } from "@/components/layout/StatusBadge";
import { publishPublicDocument, removePublicDocument, savePublicDocument } from "@/lib/content/actions";
import { getPublicDocumentForStaff } from "@/lib/content/public-documents-admin";
import { formatFileSize } from "@/lib/platform/format";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Modifier un document" };

export default async function EditPublicDocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistre?: string }>;
}) {
  const { id } = await params;
  const document = await getPublicDocumentForStaff(await staffCaller(), id);
  if (!document) notFound();
  const published = Boolean(document.publishedAt);
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/documents" className="link text-sm">
          Retour aux documents
        </Link>
      </p>
      <h1 className="page-title mb-2">{document.title}</h1>
      <p className="mb-6 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <PublicationBadge published={published} feminine={false} />
        <a href={`/admin/documents/${document.id}/fichier`} className="link">
          Ouvrir {document.fileName} ({formatFileSize(document.size)})
        </a>
      </p>
      {(await searchParams).enregistre ? <Notice>Le document est enregistré.</Notice> : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_18rem]">
        <section aria-labelledby="modifier-titre" className="card">
          <h2 id="modifier-titre" className="section-title mb-4">
            Informations et fichier
          </h2>
          <ActionForm
            action={savePublicDocument.bind(null, document.id)}
            submitLabel="Enregistrer les modifications"
            encType="multipart/form-data"
          >
            <PublicDocumentFields values={document} fileRequired={false} />
          </ActionForm>
        </section>
        <div className="flex flex-col gap-6">
          <section aria-labelledby="publication-titre" className="card">
            <h2 id="publication-titre" className="section-title mb-4">
              Publication
            </h2>
            <ActionForm
              action={publishPublicDocument.bind(null, document.id, !published)}
              submitLabel={published ? "Retirer du portail" : "Publier"}
              submitClassName={published ? "btn-secondary self-start" : "btn-primary self-start"}
            />
          </section>
          <section aria-labelledby="suppression-titre" className="card">
            <h2 id="suppression-titre" className="section-title mb-4">
              Suppression
            </h2>
            <ActionForm
              action={removePublicDocument.bind(null, document.id)}
              submitLabel="Supprimer le document"
              submitClassName="btn-danger self-start"
              confirm="Je confirme la suppression définitive de ce document."
            />
          </section>
        </div>
      </div>
    </>
  );
}
