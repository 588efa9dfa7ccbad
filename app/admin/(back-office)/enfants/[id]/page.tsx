import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { markHealthSeenAction } from "@/lib/child-file/actions";
import { FileHistory } from "@/lib/child-file/components/FileHistory";
import { FileSummary } from "@/lib/child-file/components/FileSummary";
import { childFileForStaff } from "@/lib/child-file/staff";
import { formatLongDate, formatShortDate } from "@/lib/platform/format";
import { ForbiddenError } from "@/lib/platform/security/authorize";
import { staffCaller } from "@/lib/staff/session";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Fiche de l'enfant" };

export default async function StaffChildFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ vu?: string }>;
}) {
  const caller = await staffCaller();
  const { id } = await params;
  const view = await childFileForStaff(caller, id).catch((error: unknown) => {
    if (error instanceof ForbiddenError) return "refused" as const;
    throw error;
  });
  if (view === "refused") {
    return (
      <>
        <h1 className="page-title mb-4">Fiche de l&apos;enfant</h1>
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          L&apos;accès aux données de santé des enfants est réservé aux agents habilités. Demandez cette habilitation à un administrateur.
        </p>
      </>
    );
  }
  if (!view) notFound();
  const { child, file } = view;
  return (
    <>
      <p className="mb-2 flex flex-wrap gap-4 print:hidden">
        <Link href="/admin/enfants" className="link text-sm">
          Retour à la liste PAI et allergies
        </Link>
        <Link href={`/admin/familles/${child.family.id}`} className="link text-sm">
          Dossier {child.family.dossierNumber}
        </Link>
      </p>
      <h1 className="page-title mb-2">
        Fiche de {child.firstName} {child.usageName.toUpperCase()}
      </h1>
      <p className="mb-6 text-sm text-slate-700">
        {child.birthDate ? `Né(e) le ${formatShortDate(child.birthDate)} · ` : ""}Consultation en lecture seule, inscrite au journal
        d&apos;audit.
      </p>
      {(await searchParams).vu ? (
        <p role="status" className="mb-4 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          Vérification enregistrée.
        </p>
      ) : null}
      {!file ? (
        <p className="card">La famille n&apos;a pas encore rempli la fiche de cet enfant.</p>
      ) : (
        <div className="flex flex-col gap-6">
          <p>
            {file.confirmedSchoolYear === view.schoolYear
              ? `À jour pour ${view.schoolYear}`
              : `Pas encore confirmée pour ${view.schoolYear}`}
            {file.confirmedAt ? ` (dernière confirmation le ${formatLongDate(file.confirmedAt)})` : ""}.
          </p>
          {file.toCheck ? (
            <section className="card border-2 border-amber-600" aria-labelledby="a-verifier">
              <h2 id="a-verifier" className="section-title mb-2">
                Nouveau PAI ou nouvelle allergie à vérifier
              </h2>
              <p className="mb-3">Vérifiez le PAI ou l&apos;allergie avec l&apos;équipe, puis marquez la fiche comme vue.</p>
              <form action={markHealthSeenAction}>
                <input type="hidden" name="enfant" value={child.id} />
                <input type="hidden" name="version" value={file.version} />
                <button type="submit" className="btn-primary">
                  Marquer comme vu
                </button>
              </form>
            </section>
          ) : file.seenAt ? (
            <p className="text-sm text-green-800">Vu par nos services le {formatLongDate(file.seenAt)}.</p>
          ) : null}
          <section className="card" aria-labelledby="fiche">
            <h2 id="fiche" className="section-title mb-3">
              La fiche
            </h2>
            <FileSummary content={file.content} config={town().childFile} />
          </section>
          <section className="card" aria-labelledby="historique">
            <h2 id="historique" className="section-title mb-3">
              Historique
            </h2>
            <FileHistory history={view.history} />
          </section>
        </div>
      )}
    </>
  );
}
