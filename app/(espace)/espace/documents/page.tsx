import type { Metadata } from "next";
import { StorageUploadForm } from "@/lib/child-file/components/StorageUploadForm";
import { requireParent } from "@/lib/auth/session";
import { deleteFromStorageAction } from "@/lib/documents/actions";
import { deletionErrorMessage, listOwnDocuments } from "@/lib/documents/service";
import { childrenForParent } from "@/lib/child-file/access";
import { validityOf } from "@/lib/child-file/documents";
import { frenchDay, kindLabel, parisDay } from "@/lib/child-file/rules";
import { storageKindOptions } from "@/lib/child-file/storage";
import { formatFileSize, formatMediaType, formatShortDate } from "@/lib/platform/format";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Mon espace de stockage" };

export default async function StoragePage({
  searchParams,
}: {
  searchParams: Promise<{ ajoute?: string; supprime?: string; erreur?: string }>;
}) {
  const parent = await requireParent("/espace/documents");
  const search = await searchParams;
  const [documents, children] = await Promise.all([listOwnDocuments(parent.id), childrenForParent(parent.id)]);
  const kinds = town().childFile.documentKinds;
  const today = parisDay(new Date());
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Mon espace de stockage</h1>
      <p>
        Vos documents sont privés : seuls vous et les agents habilités de la ville peuvent les consulter. Vous pouvez les joindre à vos
        démarches.
      </p>
      {search.ajoute ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          Le document a bien été ajouté.
        </p>
      ) : null}
      {search.supprime ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          Le document a bien été supprimé.
        </p>
      ) : null}
      {deletionErrorMessage(search.erreur) ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 font-medium text-red-800">
          {deletionErrorMessage(search.erreur)}
        </p>
      ) : null}
      <section aria-labelledby="mes-documents" className="card">
        <h2 id="mes-documents" className="section-title mb-4">
          Mes documents
        </h2>
        {documents.length === 0 ? (
          <p>Aucun document pour le moment.</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200">
            {documents.map((document) => {
              const validity = validityOf(document);
              const validText =
                validity.validUntil === null
                  ? ""
                  : validity.validUntil >= today
                    ? ` · valable jusqu'au ${frenchDay(validity.validUntil)}`
                    : ` · plus valable depuis le ${frenchDay(validity.validUntil)}`;
              const sent =
                document.families.length > 0 ||
                document.demarches.some((link) => !["DRAFT", "NEEDS_CORRECTION"].includes(link.demarche.status));
              return (
                <li key={document.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <a href={`/espace/documents/${document.id}`} className="link font-medium">
                      {document.fileName}
                    </a>
                    <p className="text-sm text-slate-600">
                      {kindLabel(kinds, validity.code)}
                      {document.child ? ` (${document.child.firstName})` : ""}
                      <strong
                        className={
                          validity.validUntil !== null && validity.validUntil < today ? "font-semibold text-red-800" : "font-normal"
                        }
                      >
                        {validText}
                      </strong>{" "}
                      · {formatMediaType(document.mediaType)}, {formatFileSize(document.size)} · ajouté le{" "}
                      {formatShortDate(document.createdAt)}
                      {sent ? " · transmis à nos services" : ""}
                    </p>
                  </div>
                  {sent ? null : (
                    <form action={deleteFromStorageAction}>
                      <input type="hidden" name="document" value={document.id} />
                      <button type="submit" className="text-sm font-semibold text-red-700 underline">
                        Supprimer<span className="sr-only"> {document.fileName}</span>
                      </button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="ajouter-document" className="card">
        <h2 id="ajouter-document" className="section-title mb-4">
          Ajouter un document
        </h2>
        <StorageUploadForm kinds={storageKindOptions()} kids={children.map((child) => ({ value: child.id, label: child.firstName }))} />
      </section>
    </div>
  );
}
