import type { Metadata } from "next";
import Link from "next/link";
import { Notice, PublicationBadge } from "@/components/layout/StatusBadge";
import { listPublicDocumentsForStaff } from "@/lib/content/public-documents-admin";
import { formatFileSize } from "@/lib/platform/format";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Documents à télécharger" };

export default async function AdminDocumentsPage({ searchParams }: { searchParams: Promise<{ supprime?: string }> }) {
  const documents = await listPublicDocumentsForStaff(await staffCaller());
  const { supprime } = await searchParams;
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title">Documents à télécharger</h1>
        <Link href="/admin/documents/nouveau" className="btn-primary">
          Nouveau document
        </Link>
      </div>
      {supprime ? <Notice>Le document a été supprimé.</Notice> : null}
      {documents.length === 0 ? (
        <p>Aucun document pour le moment.</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Documents à télécharger, dans l&apos;ordre d&apos;affichage du portail</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-3">
                  Ordre
                </th>
                <th scope="col" className="p-3">
                  Titre
                </th>
                <th scope="col" className="p-3">
                  État
                </th>
                <th scope="col" className="p-3">
                  Fichier
                </th>
              </tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id} className="border-b border-slate-200">
                  <td className="p-3">{document.position}</td>
                  <td className="p-3">
                    <Link href={`/admin/documents/${document.id}`} className="link font-semibold">
                      {document.title}
                    </Link>
                  </td>
                  <td className="p-3">
                    <PublicationBadge published={Boolean(document.publishedAt)} feminine={false} />
                  </td>
                  <td className="p-3">
                    {document.fileName} ({formatFileSize(document.size)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
