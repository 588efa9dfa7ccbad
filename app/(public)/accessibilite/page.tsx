import type { Metadata } from "next";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Déclaration d'accessibilité" };

export default function AccessibilityPage() {
  const { name, portalName, accessibility } = town();
  return (
    <div className="card mx-auto max-w-3xl">
      <h1 className="page-title mb-6">Déclaration d&apos;accessibilité</h1>
      <p className="mb-4">
        La {name.replace(/^Ville/, "ville")} s&apos;engage à rendre ses services en ligne accessibles, conformément à l&apos;article 47 de
        la loi n° 2005-102 du 11 février 2005. Cette déclaration s&apos;applique au portail {portalName}.
      </p>
      <h2 className="section-title mb-3">État de conformité</h2>
      <p className="mb-4">
        Le portail {portalName} est <strong>{accessibility.status}</strong> avec le référentiel général d&apos;amélioration de
        l&apos;accessibilité (RGAA), version 4.1.
        {accessibility.auditDate
          ? ` Audit réalisé le ${accessibility.auditDate}.`
          : " Aucun audit externe n'a encore été réalisé : chaque page est vérifiée automatiquement (axe) et parcourue au clavier à chaque évolution."}
      </p>
      <h2 className="section-title mb-3">Retour d&apos;information et contact</h2>
      <p className="mb-4">
        Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, contactez-nous pour être orienté vers une alternative accessible
        ou obtenir le contenu sous une autre forme :{" "}
        <a className="link" href={`mailto:${accessibility.contact}`}>
          {accessibility.contact}
        </a>
        .
      </p>
      <h2 className="section-title mb-3">Voies de recours</h2>
      <p>
        Si vous constatez un défaut d&apos;accessibilité vous empêchant d&apos;accéder à un contenu ou une fonctionnalité, que vous nous
        l&apos;avez signalé et que vous n&apos;avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des droits ou
        contacter son délégué dans votre région.
      </p>
    </div>
  );
}
