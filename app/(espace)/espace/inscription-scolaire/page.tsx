import type { Metadata } from "next";
import Link from "next/link";
import { requireParent } from "@/lib/auth/session";
import { schoolRequestPage } from "@/lib/school-enrolment";
import { frenchDay } from "@/lib/school-enrolment/campaign";
import { SchoolCard } from "@/lib/school-enrolment/components/SchoolCard";
import { SchoolRequestForm } from "@/lib/school-enrolment/components/SchoolRequestForm";
import { isLevel, LEVEL_LABELS } from "@/lib/school-enrolment/levels";

export const metadata: Metadata = { title: "Inscription scolaire" };

const STATUS = { REQUESTED: "En cours d'examen", VALIDATED: "Validée", REFUSED: "Refusée" } as Record<string, string>;
const DEROGATION = {
  REQUESTED: "dérogation en attente de décision",
  GRANTED: "dérogation accordée",
  REFUSED: "dérogation refusée",
} as Record<string, string>;

export default async function SchoolEnrolmentPage({ searchParams }: { searchParams: Promise<{ envoyee?: string }> }) {
  const parent = await requireParent("/espace/inscription-scolaire");
  const data = await schoolRequestPage(parent.id);
  const sent = (await searchParams).envoyee === "1";
  if (!data) {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="page-title">Inscription scolaire</h1>
        <p className="card">
          L&apos;inscription scolaire se fait une fois votre famille déclarée et validée par nos services.{" "}
          <Link href="/espace" className="link">
            Retour à mon accueil
          </Link>
        </p>
      </div>
    );
  }
  const { campaign } = data;
  const missing = data.documents.filter((document) => !document.held);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Inscription scolaire {data.schoolYear}</h1>
      {sent ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          Votre demande d&apos;inscription scolaire a bien été envoyée. Vous recevrez un courriel dès qu&apos;elle sera examinée.
        </p>
      ) : null}
      {campaign.kind === "not-yet" ? (
        <p className="card">
          Les inscriptions scolaires pour {data.schoolYear} ouvriront le {frenchDay(campaign.campaign.opensOn)}.
        </p>
      ) : null}
      {campaign.kind === "closed" ? (
        <p className="card">
          Les inscriptions scolaires pour {data.schoolYear} sont closes depuis le {frenchDay(campaign.campaign.closesOn)} : contactez le
          service Enfance – Éducation.
        </p>
      ) : null}
      {campaign.kind === "none" ? (
        <p className="card">Aucune campagne d&apos;inscription scolaire n&apos;est ouverte pour le moment.</p>
      ) : null}
      {campaign.kind === "open" ? <p>Les demandes sont ouvertes jusqu&apos;au {frenchDay(campaign.campaign.closesOn)}.</p> : null}
      <section aria-labelledby="secteur-titre" className="flex flex-col gap-3">
        <h2 id="secteur-titre" className="section-title">
          Mes écoles de secteur
        </h2>
        {data.sector ? (
          <>
            <p>D&apos;après l&apos;adresse de votre famille ({data.address}) :</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <SchoolCard school={data.sector.maternelle} />
              <SchoolCard school={data.sector.elementaire} />
            </div>
          </>
        ) : (
          <p className="card">
            L&apos;adresse de votre famille ne figure pas sur la carte scolaire : contactez le service Enfance – Éducation.
          </p>
        )}
      </section>
      {data.children.map((child) => (
        <section key={child.id} aria-labelledby={`enfant-${child.id}`} className="card flex flex-col gap-3">
          <h2 id={`enfant-${child.id}`} className="section-title">
            {child.firstName} {child.usageName.toUpperCase()}
          </h2>
          {child.request ? (
            <div className="flex flex-col gap-2">
              <p>
                Demande {child.request.reference} : {isLevel(child.request.level) ? LEVEL_LABELS[child.request.level] : child.request.level}
                , {child.request.schoolName} — <strong>{STATUS[child.request.status]}</strong>
                {child.request.derogation !== "NONE" ? ` (${DEROGATION[child.request.derogation]})` : ""}.
              </p>
              {child.request.derogation === "REFUSED" && child.request.derogationDecision ? (
                <p>Motif du refus de la dérogation : {child.request.derogationDecision}</p>
              ) : null}
              {child.request.refusalReason ? <p>Motif du refus : {child.request.refusalReason}</p> : null}
              {child.request.status === "VALIDATED" ? (
                <a href={`/espace/inscription-scolaire/${child.request.id}/certificat`} className="btn-accent self-start">
                  Télécharger le certificat d&apos;inscription (PDF)
                </a>
              ) : null}
            </div>
          ) : !child.computedLevel ? (
            <p>
              D&apos;après sa date de naissance, {child.firstName} n&apos;entre pas à l&apos;école maternelle ou élémentaire en{" "}
              {data.schoolYear}.
            </p>
          ) : campaign.kind === "open" && data.sector ? (
            <>
              {data.documents.some((document) => document.held) ? (
                <p className="text-sm">
                  Déjà dans votre dossier, rien à joindre :{" "}
                  {data.documents
                    .filter((document) => document.held)
                    .map((document) => document.label)
                    .join(", ")}
                  .
                </p>
              ) : null}
              <SchoolRequestForm
                child={{ id: child.id, firstName: child.firstName, computedLevel: child.computedLevel }}
                schools={data.schools}
                missingDocuments={missing}
              />
            </>
          ) : (
            <p>Aucune demande pour {child.firstName}.</p>
          )}
        </section>
      ))}
    </div>
  );
}
