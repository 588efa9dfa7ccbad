import type { Metadata } from "next";
import { town } from "@/lib/town";

export const metadata: Metadata = { title: "Données personnelles et cookies" };

function days(value: number): string {
  if (value % 365 === 0) return `${value / 365} an${value / 365 > 1 ? "s" : ""}`;
  if (value >= 180) return `${Math.round(value / 30.5)} mois`;
  return `${value} jours`;
}

export default function PersonalDataPage() {
  const { legal, retention, name } = town();
  const treatments = [
    {
      what: "Votre compte personnel : identité, adresse, moyens de contact, identifiant et mot de passe (chiffré)",
      why: "Vous identifier et vous permettre d'accéder à vos démarches",
      howLong: "Tant que le compte est ouvert, puis effacement à la clôture, sauf ce que la Ville doit conserver",
    },
    {
      what: "La composition de la famille : représentants, enfants, contacts à prévenir, informations allocataire",
      why: "Instruire vos démarches liées à l'enfance (mission d'intérêt public)",
      howLong: "Durée de la relation avec les services enfance, puis archivage légal",
    },
    {
      what: "Les pièces justificatives (livret de famille, justificatif de domicile, jugement)",
      why: "Vérifier les informations déclarées",
      howLong: "Durée de l'instruction et du dossier famille",
    },
    {
      what: "Les démarches commencées et non envoyées (brouillons)",
      why: "Vous permettre de reprendre une démarche",
      howLong: `${days(retention.abandonedDraftDays)} sans activité`,
    },
    {
      what: "Les déclarations refusées",
      why: "Répondre à une éventuelle réclamation",
      howLong: days(retention.refusedDeclarationDays),
    },
    {
      what: "Les tentatives de connexion (identifiant, adresse IP)",
      why: "Protéger les comptes contre les tentatives d'intrusion",
      howLong: days(retention.loginAttemptDays),
    },
    {
      what: "Le journal des accès des agents aux dossiers",
      why: "Tracer chaque consultation de données d'enfants",
      howLong: days(retention.auditLogDays),
    },
  ];
  return (
    <div className="card mx-auto max-w-4xl">
      <h1 className="page-title mb-6">Données personnelles et cookies</h1>
      <p className="mb-4">
        Responsable du traitement : {legal.dataController}. La collecte de vos données personnelles est nécessaire dans le cadre d&apos;une
        mission d&apos;intérêt public : votre consentement n&apos;est donc pas nécessaire.
      </p>
      <h2 className="section-title mb-3">Ce que nous collectons, pourquoi et pour combien de temps</h2>
      <div className="mb-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Tableau des données collectées (défilement horizontal possible)">
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
            {treatments.map((row) => (
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
      <p className="mb-2">
        Vous disposez d&apos;un droit d&apos;accès, de rectification, de limitation et, dans les limites des obligations légales de la
        Ville, d&apos;effacement de vos données. Depuis votre espace, vous pouvez télécharger l&apos;ensemble des données que le portail
        détient sur votre famille et demander la clôture de votre compte.
      </p>
      <p className="mb-6">
        Pour exercer vos droits, écrivez au délégué à la protection des données :{" "}
        <a className="link" href={`mailto:${legal.dpoContact}`}>
          {legal.dpoContact}
        </a>
        . Vous pouvez aussi adresser une réclamation à la CNIL.
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
