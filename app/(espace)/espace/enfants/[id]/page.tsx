import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { confirmChildFileAction } from "@/lib/child-file/actions";
import { FileHistory } from "@/lib/child-file/components/FileHistory";
import { FileSummary } from "@/lib/child-file/components/FileSummary";
import { parentFileView } from "@/lib/child-file/service";
import { expectedChildForParent } from "@/lib/child-file/birth";
import { BirthForm } from "@/lib/child-file/components/BirthForm";
import { formatLongDate } from "@/lib/platform/format";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Fiche de mon enfant" };

export default async function ChildFilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ enregistree?: string; confirmee?: string; erreur?: string; naissance?: string }>;
}) {
  const { id } = await params;
  const parent = await requireParent(`/espace/enfants/${id}`);
  const view = await parentFileView(parent.id, id);
  if (!view) notFound();
  const search = await searchParams;
  const { child, file, schoolYear } = view;
  const expected = await expectedChildForParent(parent.id, child.id);
  const name = `${child.firstName} ${child.usageName.toUpperCase()}`;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/espace/enfants" className="link text-sm">
          Retour aux fiches de mes enfants
        </Link>
      </p>
      <h1 className="page-title">Fiche de {name}</h1>
      {search.enregistree ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          La fiche est enregistrée pour l&apos;année scolaire {schoolYear}.
        </p>
      ) : null}
      {search.confirmee ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Merci : la fiche est confirmée pour l&apos;année scolaire {schoolYear}.
        </p>
      ) : null}
      {search.naissance ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Merci : la naissance de {child.firstName} est enregistrée au dossier de la famille.
        </p>
      ) : null}
      {expected ? (
        <section className="card flex flex-col gap-4 border-2 border-town" aria-labelledby="naissance">
          <h2 id="naissance" className="section-title">
            Déclarer la naissance
          </h2>
          <p>
            {child.firstName} a été déclaré(e) en « naissance prévue »
            {expected.expectedBirthDate ? ` pour le ${formatLongDate(expected.expectedBirthDate)}` : ""}. Une fois l&apos;enfant né,
            indiquez son prénom, sa date de naissance et son sexe : le dossier de la famille est mis à jour.
          </p>
          <BirthForm childId={child.id} firstName={child.firstName} />
        </section>
      ) : null}
      {search.erreur ? (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-4 font-medium text-red-800">
          {search.erreur.slice(0, 200)}
        </p>
      ) : null}

      {!file ? (
        <section className="card flex flex-col gap-4" aria-labelledby="a-remplir">
          <h2 id="a-remplir" className="section-title">
            Fiche à remplir
          </h2>
          <p>Remplissez la fiche sanitaire et de liaison de {child.firstName} : elle est demandée pour toutes les activités de la ville.</p>
          <Link href={`/espace/enfants/${child.id}/modifier`} className="btn-accent self-start">
            Remplir la fiche
          </Link>
        </section>
      ) : (
        <>
          {view.needsConfirmation ? (
            <section className="card flex flex-col gap-4 border-2 border-town" aria-labelledby="confirmer">
              <h2 id="confirmer" className="section-title">
                Confirmez la fiche pour {schoolYear}
              </h2>
              <p>Relisez la fiche ci-dessous. Si tout est encore exact, un clic suffit ; sinon, mettez-la à jour.</p>
              {view.sinceLastYear.length ? (
                <div>
                  <h3 className="font-bold">Ce qui a changé depuis l&apos;an dernier</h3>
                  <ul className="mt-2 flex flex-col gap-2">
                    {view.sinceLastYear.map((change) => (
                      <li key={change.label}>
                        <span className="font-semibold">{change.label}</span> : {change.before} → {change.after}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="flex flex-wrap gap-3">
                <form action={confirmChildFileAction.bind(null, child.id)}>
                  <input type="hidden" name="version" value={file.version} />
                  <button type="submit" className="btn-primary">
                    Rien n&apos;a changé
                  </button>
                </form>
                <Link href={`/espace/enfants/${child.id}/modifier`} className="btn-secondary">
                  Mettre à jour la fiche
                </Link>
              </div>
            </section>
          ) : (
            <p className="text-green-800">
              Fiche à jour pour {schoolYear}
              {file.confirmedAt ? `, confirmée le ${formatLongDate(file.confirmedAt)}` : ""}.
            </p>
          )}
          {!view.needsConfirmation && view.sinceLastYear.length ? (
            <section className="card" aria-labelledby="changements">
              <h2 id="changements" className="section-title mb-3">
                Ce qui a changé depuis l&apos;an dernier
              </h2>
              <ul className="flex flex-col gap-2">
                {view.sinceLastYear.map((change) => (
                  <li key={change.label}>
                    <span className="font-semibold">{change.label}</span> : {change.before} → {change.after}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="card flex flex-col gap-4" aria-labelledby="fiche">
            <h2 id="fiche" className="section-title">
              La fiche
            </h2>
            <FileSummary content={file.content} config={town().childFile} />
            <Link href={`/espace/enfants/${child.id}/modifier`} className="btn-secondary self-start">
              Modifier la fiche
            </Link>
          </section>
          <section className="card" aria-labelledby="historique">
            <h2 id="historique" className="section-title mb-3">
              Historique des modifications
            </h2>
            <FileHistory history={view.history} />
          </section>
        </>
      )}
    </div>
  );
}
