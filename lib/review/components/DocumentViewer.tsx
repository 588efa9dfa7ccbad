/**
 * A supporting document shown in the review page: an image as an image, a PDF in a frame, both from
 * the staff-only address that checks the démarche holds the file and records the access.
 * The "open" link is for a larger view; nothing here runs script.
 */
export function DocumentViewer({
  demarcheId,
  document,
  label,
}: {
  demarcheId: string;
  document: { id: string; fileName: string; mediaType: string };
  label: string;
}) {
  const source = `/admin/declarations/${demarcheId}/pieces/${document.id}`;
  return (
    <figure id="visionneuse" className="rounded-md border border-slate-300 p-2" tabIndex={-1}>
      {document.mediaType === "application/pdf" ? (
        <iframe src={source} title={`${label} : ${document.fileName}`} className="h-[36rem] w-full rounded border-0 bg-slate-100" />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- a private file, not an optimisable public image
        <img src={source} alt={`${label} : ${document.fileName}`} className="mx-auto max-h-[36rem] w-auto" />
      )}
      <figcaption className="mt-2 flex flex-wrap gap-3 text-sm">
        <span>
          {label} : {document.fileName}
        </span>
        <a href={source} target="_blank" rel="noopener" className="link">
          Ouvrir dans un nouvel onglet<span className="sr-only"> (nouvelle fenêtre)</span>
        </a>
        <a href={`${source}?telecharger=1`} className="link">
          Télécharger
        </a>
      </figcaption>
    </figure>
  );
}
