import type { Metadata } from "next";
import Link from "next/link";
import { CloseAccountForm } from "@/lib/privacy/components/CloseAccountForm";
import { requireParent } from "@/lib/auth/session";
import { closurePreview } from "@/lib/privacy/closure";
import { humanDuration } from "@/lib/privacy/treatments";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Mes données personnelles" };

const PATH = "/espace/mes-donnees";

/** The parent's RGPD rights in one place: download everything (access, portability), close the account (erasure). */
export default async function MyDataPage() {
  const parent = await requireParent(PATH);
  const preview = await closurePreview(parent.id);
  const { legal, retention } = town();
  const plural = (count: number, one: string, many: string) => (count === 1 ? one : many.replace("#", String(count)));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Mes données personnelles</h1>
      <p>
        Vous pouvez à tout moment obtenir une copie de tout ce que le portail conserve sur vous et votre famille, et fermer votre compte.
        Pour vos autres droits (rectification, opposition, limitation), écrivez au délégué à la protection des données :{" "}
        <a className="link" href={`mailto:${legal.dpoContact}`}>
          {legal.dpoContact}
        </a>
        . Voir aussi{" "}
        <Link className="link" href="/donnees-personnelles">
          Données personnelles et cookies
        </Link>
        .
      </p>

      <section aria-labelledby="export-titre" className="card">
        <h2 id="export-titre" className="section-title mb-3">
          Télécharger mes données
        </h2>
        <p className="mb-2">
          Vous recevez une archive ZIP avec un fichier <span lang="en">JSON</span> lisible par un programme (votre compte, vos démarches et
          leurs messages, le dossier de votre famille, vos messages, vos dernières connexions), vos documents, et un fichier README.txt qui
          explique chaque information.
        </p>
        <p className="mb-4 text-sm text-slate-700">Le téléchargement est enregistré dans le journal du portail.</p>
        <a href={`${PATH}/telecharger`} className="btn-primary inline-block" download>
          Télécharger mes données
        </a>
      </section>

      <section aria-labelledby="fermer-titre" className="card">
        <h2 id="fermer-titre" className="section-title mb-3">
          Fermer mon compte
        </h2>
        <p className="mb-4">
          La fermeture est définitive : vous ne pourrez plus vous connecter avec ce compte. Vous pourrez en créer un nouveau, y compris avec
          le même identifiant. Pensez à télécharger vos données avant.
        </p>
        <h3 className="mb-2 font-semibold">Ce qui sera effacé</h3>
        <ul className="mb-4 list-disc pl-6">
          <li>votre identifiant, votre mot de passe et vos liens de connexion envoyés par courriel ;</li>
          <li>votre identité, votre adresse et vos moyens de contact enregistrés dans le compte ;</li>
          <li>{preview.franceConnect ? "le lien entre votre compte et FranceConnect ;" : "tout lien avec FranceConnect ;"}</li>
          <li>les messages affichés sur votre accueil ;</li>
          <li>
            {preview.pendingDemarches > 0
              ? plural(
                  preview.pendingDemarches,
                  "votre démarche non décidée (brouillon ou en cours d'examen), qui sera retirée ;",
                  "vos # démarches non décidées (brouillons ou en cours d'examen), qui seront retirées ;",
                )
              : "vos démarches en brouillon ;"}
          </li>
          <li>
            {preview.erasedDocuments > 0
              ? plural(
                  preview.erasedDocuments,
                  "le document de votre espace de stockage, fichier compris ;",
                  "les # documents de votre espace de stockage, fichiers compris ;",
                )
              : "les documents de votre espace de stockage (fichiers compris) ;"}{" "}
            sauf ceux conservés ci-dessous.
          </li>
        </ul>
        <h3 className="mb-2 font-semibold">Ce que la Ville conserve, et pourquoi</h3>
        <p className="mb-2">
          Une commune doit garder la trace de ses décisions (archives publiques, code du patrimoine) et de sa comptabilité (comptabilité
          publique). Votre compte est alors vidé de vos données personnelles, mais la Ville conserve :
        </p>
        <ul className="mb-4 list-disc pl-6">
          <li>
            {preview.hasFamily ? "le dossier de votre famille" : "le dossier de votre famille, s'il a été validé"} (membres, liens de
            parenté, pièces conservées), ainsi que ses factures et ses paiements ;
          </li>
          <li>
            {preview.decidedDemarches > 0
              ? plural(
                  preview.decidedDemarches,
                  "votre démarche déjà acceptée ou refusée, son historique et ses pièces jointes",
                  "vos # démarches déjà acceptées ou refusées, leur historique et leurs pièces jointes",
                )
              : "les démarches déjà acceptées ou refusées, leur historique et leurs pièces jointes (vous n'en avez pas)"}{" "}
            (une démarche refusée est effacée {humanDuration(retention.refusedDeclarationDays)} après la décision) ;
          </li>
          <li>le journal des actions effectuées sur le portail ({humanDuration(retention.auditLogDays)}).</li>
        </ul>
        <p className="mb-4">
          Pendant {humanDuration(retention.closedAccountDays)}, une empreinte de votre ancien identifiant permet de vous dire que ce compte
          est fermé si vous essayez de vous y connecter. Un courriel vous confirmera la fermeture.
        </p>
        <CloseAccountForm method={preview.method} />
      </section>
    </div>
  );
}
