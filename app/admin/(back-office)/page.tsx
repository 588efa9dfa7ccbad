import type { Metadata } from "next";
import Link from "next/link";
import { dashboardCounts } from "@/lib/admin/dashboard";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Accueil" };

export default async function AdminHomePage() {
  const counts = await dashboardCounts(await staffCaller());
  return (
    <>
      <h1 className="page-title mb-6">Accueil de l&apos;espace agents</h1>
      <section aria-labelledby="declarations-titre" className="card mb-6">
        <h2 id="declarations-titre" className="section-title mb-3">
          Déclarations de famille
        </h2>
        <ul className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-5">
          {counts.queue.map((entry) => (
            <li key={entry.status}>
              <Link
                href={`/admin/declarations?statut=${entry.slug}`}
                className="block rounded-md border border-slate-200 p-3 text-center hover:bg-slate-50"
              >
                <span className="block text-3xl font-bold text-town">{entry.count}</span>
                <span className="text-sm text-slate-700 underline underline-offset-2">{entry.label}</span>
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/admin/declarations" className="link text-sm">
          Ouvrir la file des déclarations
        </Link>
      </section>
      <section aria-labelledby="raccourcis-titre" className="grid gap-4 sm:grid-cols-3">
        <h2 id="raccourcis-titre" className="sr-only">
          Raccourcis
        </h2>
        <div className="card">
          <p className="text-3xl font-bold text-town">{counts.knownFamilies}</p>
          <p className="mb-2 text-sm text-slate-700">familles connues en attente de leur Clé Enfance</p>
          <Link href="/admin/familles" className="link text-sm">
            Familles et Clé Enfance
          </Link>
        </div>
        <div className="card">
          <p className="text-3xl font-bold text-town">{counts.publishedNews}</p>
          <p className="mb-2 text-sm text-slate-700">actualités publiées ({counts.draftNews} en brouillon)</p>
          <Link href="/admin/actualites" className="link text-sm">
            Gérer les actualités
          </Link>
        </div>
        <div className="card">
          <p className="text-3xl font-bold text-town">{counts.documents}</p>
          <p className="mb-2 text-sm text-slate-700">documents à télécharger publiés</p>
          <Link href="/admin/documents" className="link text-sm">
            Gérer les documents
          </Link>
        </div>
      </section>
    </>
  );
}
