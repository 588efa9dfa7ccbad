import type { Metadata } from "next";
import { listPublicDocuments } from "@/lib/content/public-documents";
import { formatFileSize, formatMediaType } from "@/lib/platform/format";

export const metadata: Metadata = { title: "Documents à télécharger" };

export default async function PublicDocumentsPage() {
  const documents = await listPublicDocuments();
  return (
    <>
      <h1 className="page-title mb-6">Documents à télécharger</h1>
      {documents.length === 0 ? (
        <p>Aucun document n&apos;est proposé pour le moment.</p>
      ) : (
        <ul className="grid gap-4">
          {documents.map((document) => (
            <li key={document.id} className="card flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <h2 className="text-lg font-bold text-slate-900">{document.title}</h2>
                {document.description ? <p className="text-slate-700">{document.description}</p> : null}
              </div>
              <a href={`/documents-a-telecharger/${document.id}`} className="btn-secondary shrink-0" download={document.fileName}>
                Télécharger
                <span className="sr-only"> {document.title}</span>
                <span className="font-normal normal-case">
                  ({formatMediaType(document.mediaType)}, {formatFileSize(document.size)})
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
