import type { Metadata } from "next";
import Link from "next/link";
import { requireParent } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Mon accueil" };

export default async function ParentHomePage() {
  const parent = await requireParent("/espace");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Mon accueil</h1>
      <section aria-labelledby="famille-titre" className="card">
        <h2 id="famille-titre" className="section-title mb-3">
          Ma famille
        </h2>
        {parent.familyId ? (
          <p>Votre compte est rattaché au dossier famille de nos services.</p>
        ) : (
          <>
            <p className="mb-4">
              Votre famille n&apos;est pas encore connue de nos services. Déclarez-la : dès que votre demande sera validée par les
              services, vous verrez apparaître sur cette page tous les éléments relatifs à votre famille, ainsi que les différentes
              démarches possibles.
            </p>
            <Link href="/espace/declarer-ma-famille" className="btn-accent">
              Déclarer ma famille
            </Link>
          </>
        )}
      </section>
    </div>
  );
}
