import type { Metadata } from "next";
import Link from "next/link";
import { requireParent } from "@/lib/auth/session";
import { parentChildrenOverview } from "@/lib/child-file/service";

export const metadata: Metadata = { title: "Les fiches de mes enfants" };

export default async function ChildrenPage() {
  const parent = await requireParent("/espace/enfants");
  const { schoolYear, children } = await parentChildrenOverview(parent.id);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Les fiches de mes enfants</h1>
      <p>
        La fiche sanitaire et de liaison de chaque enfant (santé, autorisations, personnes autorisées à venir le chercher) est demandée pour
        toutes les activités. Elle se confirme à chaque année scolaire.
      </p>
      {children.length === 0 ? (
        <p className="card">Aucun enfant à afficher : les fiches sont disponibles une fois votre famille validée par nos services.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {children.map((child) => (
            <li key={child.id} className="card flex flex-col gap-2">
              <Link href={`/espace/enfants/${child.id}`} className="link text-lg font-semibold">
                {child.firstName} {child.usageName.toUpperCase()}
              </Link>
              <p className={child.status === "ok" ? "text-green-800" : "font-semibold text-red-800"}>
                {child.status === "ok"
                  ? `Fiche à jour pour ${schoolYear}`
                  : child.status === "missing"
                    ? "Fiche à remplir"
                    : `Fiche à confirmer pour ${schoolYear}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
