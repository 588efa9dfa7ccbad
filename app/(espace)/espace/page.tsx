import type { Metadata } from "next";
import Link from "next/link";
import { ChildKeyForm } from "@/lib/dossier/components/ChildKeyForm";
import { DeclarationStatus } from "@/lib/declaration/components/DeclarationStatus";
import { FamilyOverview } from "@/lib/dossier/components/FamilyOverview";
import { requireParent } from "@/lib/auth/session";
import { lastStaffRequest } from "@/lib/review/history";
import { findDeclaration } from "@/lib/declaration/service";
import { familyById } from "@/lib/dossier/queries";
import { latestNotifications, stillTrue } from "@/lib/notifications";
import { formatLongDate } from "@/lib/platform/format";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Mon accueil" };

export default async function ParentHomePage({ searchParams }: { searchParams: Promise<{ declaration?: string; cle?: string }> }) {
  const parent = await requireParent("/espace");
  const search = await searchParams;
  const [declaration, family, allNotifications] = await Promise.all([
    findDeclaration(parent.id),
    familyById(parent.familyId),
    latestNotifications(parent.id),
  ]);
  const notifications = stillTrue(allNotifications, declaration?.status);
  const staffMessage = declaration?.status === "NEEDS_CORRECTION" ? await lastStaffRequest(declaration.id) : null;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Mon accueil</h1>
      {search.declaration === "envoyee" ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Votre déclaration a bien été envoyée. Un courriel de confirmation vous a été adressé.
        </p>
      ) : null}
      {search.cle === "ok" ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Votre compte est désormais rattaché au dossier de votre famille.
        </p>
      ) : null}
      {notifications.length > 0 ? (
        <section aria-labelledby="messages-titre" className="card">
          <h2 id="messages-titre" className="section-title mb-3">
            Messages de nos services
          </h2>
          <ul className="flex flex-col gap-3">
            {notifications.map((notification) => (
              <li key={notification.id} className="border-l-4 border-town pl-3">
                <p className="font-semibold">{notification.title}</p>
                <p className="whitespace-pre-line text-sm">{notification.body}</p>
                <p className="text-xs text-slate-600">{formatLongDate(notification.createdAt)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="famille-titre" className="card">
        <h2 id="famille-titre" className="section-title mb-3">
          Ma famille
        </h2>
        {family ? <FamilyOverview family={family} /> : null}
        {declaration && !(family && declaration.status === "ACCEPTED") ? (
          <div className={family ? "mt-5 border-t border-slate-200 pt-5" : ""}>
            <DeclarationStatus declaration={declaration} staffMessage={staffMessage} />
          </div>
        ) : null}
        {!family && !declaration ? (
          <div className="flex flex-col gap-4">
            <p>
              Si votre famille n&apos;est pas encore connue de nos services (pas d&apos;inscription en crèche municipale ou à l&apos;école
              publique), déclarez-la : dès que votre demande sera validée par les services, vous verrez apparaître sur cette page tous les
              éléments relatifs à votre famille, ainsi que les différentes démarches possibles.
            </p>
            <Link href="/espace/declarer-ma-famille" className="btn-accent self-start">
              Déclarer ma famille
            </Link>
          </div>
        ) : null}
      </section>
      {family?.status === "ACTIVE" ? (
        <section aria-labelledby="scolaire-titre" className="card">
          <h2 id="scolaire-titre" className="section-title mb-3">
            Inscription scolaire
          </h2>
          <p className="mb-4 text-sm">
            Inscrivez votre enfant à l&apos;école de votre secteur pour la prochaine rentrée, et téléchargez son certificat
            d&apos;inscription.
          </p>
          <Link href="/espace/inscription-scolaire" className="btn-secondary">
            Inscription scolaire
          </Link>
        </section>
      ) : null}
      {!family ? (
        <section aria-labelledby="cle-titre" className="card">
          <h2 id="cle-titre" className="section-title mb-3">
            Saisir ma Clé Enfance
          </h2>
          <p className="mb-4 text-sm">
            Si votre famille est déjà connue de nos services (crèche municipale, école publique) et que vous possédez votre Clé Enfance,
            saisissez-la pour rattacher votre compte à votre dossier.
          </p>
          <ChildKeyForm />
        </section>
      ) : null}
      <section aria-labelledby="demarches-titre" className="card">
        <h2 id="demarches-titre" className="section-title mb-3">
          Mes démarches
        </h2>
        <ul className="flex flex-col gap-2">
          <li>
            <Link href="/espace/documents" className="link">
              Mon espace de stockage
            </Link>{" "}
            <span className="text-sm text-slate-600">: vos documents, à joindre à vos démarches.</span>
          </li>
          {family ? (
            <li>
              <Link href="/espace/enfants" className="link">
                Les fiches de mes enfants
              </Link>{" "}
              <span className="text-sm text-slate-600">
                : santé, autorisations, personnes autorisées à venir les chercher, à confirmer chaque année scolaire.
              </span>
            </li>
          ) : null}
          {family ? (
            <li>
              <Link href="/espace/factures" className="link">
                Mes factures
              </Link>{" "}
              <span className="text-sm text-slate-600">: consulter, télécharger et payer en ligne ; mon quotient familial.</span>
            </li>
          ) : null}
          {family ? (
            <li>
              <Link href="/espace/reservations" className="link">
                Inscriptions et réservations
              </Link>{" "}
              <span className="text-sm text-slate-600">
                :{" "}
                {town()
                  .services.map((service) => (service.code === "ALSH" ? "ALSH" : service.name.toLowerCase()))
                  .slice(0, 4)
                  .join(", ")}
                …
              </span>
            </li>
          ) : (
            <li className="text-slate-700">Les inscriptions aux services seront possibles une fois votre famille validée.</li>
          )}
        </ul>
      </section>
      <section aria-labelledby="compte-titre" className="card">
        <h2 id="compte-titre" className="section-title mb-3">
          Mon compte
        </h2>
        <ul className="flex flex-col gap-2">
          <li>
            <Link href="/espace/franceconnect" className="link">
              Connexion avec FranceConnect
            </Link>
          </li>
          <li>
            <Link href="/espace/mes-donnees" className="link">
              Mes données personnelles
            </Link>{" "}
            <span className="text-sm text-slate-600">: télécharger mes données, fermer mon compte.</span>
          </li>
        </ul>
      </section>
    </div>
  );
}
