import type { Metadata } from "next";
import { PlainLink } from "@/components/layout/PlainLink";
import { treatments } from "@/lib/privacy/treatments";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Données personnelles et cookies" };

export default function PersonalDataPage() {
  const { legal, retention, name } = town();
  const rows = treatments(retention);
  return (
    <div className="card mx-auto max-w-4xl">
      <h1 className="page-title mb-6">Données personnelles et cookies</h1>
      <p className="mb-4">
        Responsable du traitement : {legal.dataController}. La collecte de vos données personnelles est nécessaire dans le cadre d&apos;une
        mission d&apos;intérêt public : votre consentement n&apos;est donc pas nécessaire.
      </p>
      <h2 className="section-title mb-3">Ce que nous collectons, pourquoi et pour combien de temps</h2>
      <div
        className="mb-6 overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Tableau des données collectées (défilement horizontal possible)"
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Données collectées, finalités et durées de conservation</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">
                Données
              </th>
              <th scope="col" className="p-2">
                Finalité
              </th>
              <th scope="col" className="p-2">
                Durée de conservation
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.what} className="border-b border-slate-200 align-top">
                <td className="p-2">{row.what}</td>
                <td className="p-2">{row.why}</td>
                <td className="p-2">{row.howLong}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="section-title mb-3">Qui y a accès</h2>
      <p className="mb-6">
        Seuls les agents habilités de la {name.replace(/^Ville/, "ville")} accèdent à vos données ; chaque consultation d&apos;un dossier ou
        d&apos;une pièce est enregistrée. Vos pièces justificatives ne sont jamais accessibles par une adresse publique.
      </p>
      <h2 className="section-title mb-3">Vos droits</h2>
      <p className="mb-2">Vous disposez des droits suivants sur vos données (articles 15 à 21 du RGPD) :</p>
      <ul className="mb-4 list-disc pl-6">
        <li>
          <strong>droit d&apos;accès</strong> : savoir quelles données nous détenons sur vous et en obtenir une copie ;
        </li>
        <li>
          <strong>droit de rectification</strong> : faire corriger des données inexactes ou incomplètes ;
        </li>
        <li>
          <strong>droit à l&apos;effacement</strong> : faire effacer vos données, dans les limites des obligations légales de la Ville
          (archives publiques, comptabilité) ;
        </li>
        <li>
          <strong>droit à la portabilité</strong> : recevoir vos données dans un format lisible par un programme ;
        </li>
        <li>
          <strong>droit d&apos;opposition</strong> : vous opposer à un traitement pour des raisons tenant à votre situation particulière ;
        </li>
        <li>
          <strong>droit à la limitation</strong> : faire suspendre l&apos;utilisation de vos données le temps d&apos;une vérification.
        </li>
      </ul>
      <p className="mb-2">
        Depuis votre espace, la page{" "}
        <PlainLink className="link" href="/espace/mes-donnees">
          Mes données personnelles
        </PlainLink>{" "}
        vous permet de télécharger l&apos;ensemble des données que le portail détient sur vous et votre famille (accès et portabilité) et de
        fermer votre compte (effacement).
      </p>
      <p className="mb-2">
        Pour exercer vos autres droits, écrivez au délégué à la protection des données :{" "}
        <a className="link" href={`mailto:${legal.dpoContact}`}>
          {legal.dpoContact}
        </a>
        . Nous répondons dans un délai d&apos;un mois.
      </p>
      <p className="mb-6">
        Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de
        l&apos;informatique et des libertés (CNIL) :{" "}
        <a className="link" href="https://www.cnil.fr/fr/plaintes" rel="noopener">
          www.cnil.fr/fr/plaintes
        </a>
        .
      </p>
      <h2 className="section-title mb-3">Cookies</h2>
      <p className="mb-2">
        Le portail ne dépose que des cookies strictement nécessaires : la session de connexion, la protection contre la falsification de
        requêtes, et la reprise de la création de compte en cours (un jour). Aucun cookie de mesure d&apos;audience ni de publicité.
      </p>
      <p>
        Les réglages de votre navigateur peuvent permettre de les bloquer, avec des effets potentiellement négatifs pour le fonctionnement
        du service :{" "}
        <a
          className="link"
          href="https://www.cnil.fr/fr/cookies-et-autres-traceurs/comment-se-proteger/maitriser-votre-navigateur"
          target="_blank"
          rel="noopener"
          title="Les conseils de la CNIL pour maîtriser votre navigateur - nouvelle fenêtre"
        >
          les conseils de la CNIL pour maîtriser votre navigateur
        </a>
        .
      </p>
    </div>
  );
}
