import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FormTextarea } from "@/components/forms/ActionForm";
import { formatLongDate } from "@/lib/platform/format";
import { getSchoolRequest } from "@/lib/school-enrolment";
import { decideSchoolRequestAction } from "@/lib/school-enrolment/actions";
import { isLevel, LEVEL_LABELS } from "@/lib/school-enrolment/levels";
import { DEROGATION_REASONS, REQUIRED_DOCUMENTS } from "@/lib/school-enrolment/schemas";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Demande d'inscription scolaire" };

const STATUS: Record<string, string> = { REQUESTED: "À examiner", VALIDATED: "Validée", REFUSED: "Refusée" };
const label = (level: string) => (isLevel(level) ? LEVEL_LABELS[level] : level);

export default async function SchoolRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ fait?: string }>;
}) {
  const done = (await searchParams).fait === "1";
  const row = await getSchoolRequest(await staffCaller(), (await params).id);
  if (!row) notFound();
  const documents = (row.documents ?? {}) as Record<string, { reused?: boolean; documentId?: string }>;
  const download = (code: string, name: string) =>
    documents[code]?.documentId ? (
      <>
        {" "}
        (
        <a className="link" href={`/admin/inscriptions-scolaires/${row.id}/pieces/${code}?telecharger`} download>
          télécharger<span className="sr-only"> : {name}</span>
        </a>
        )
      </>
    ) : null;
  const hidden = (decision: string) => (
    <>
      <input type="hidden" name="id" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/inscriptions-scolaires" className="link">
          Retour aux inscriptions scolaires
        </Link>
      </p>
      <h1 className="page-title">Demande {row.reference}</h1>
      {done ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          Décision enregistrée.
        </p>
      ) : null}
      <dl className="card grid gap-2 sm:grid-cols-[14rem_1fr]">
        <dt className="font-semibold">Enfant</dt>
        <dd>
          {row.child.firstName} {row.child.usageName.toUpperCase()}, né(e) le{" "}
          {row.child.birthDate ? formatLongDate(row.child.birthDate) : "—"}
        </dd>
        <dt className="font-semibold">Niveau demandé</dt>
        <dd>
          {label(row.level)}
          {row.level !== row.computedLevel ? ` (niveau de l'âge : ${label(row.computedLevel)} ; motif : ${row.levelReason ?? "—"})` : ""}
        </dd>
        <dt className="font-semibold">École de secteur</dt>
        <dd>{row.sectorSchoolName ?? "—"}</dd>
        <dt className="font-semibold">École d&apos;inscription</dt>
        <dd>{row.school.name}</dd>
        {row.derogation !== "NONE" ? (
          <>
            <dt className="font-semibold">Dérogation</dt>
            <dd>
              {row.derogationSchoolName} —{" "}
              {DEROGATION_REASONS[row.derogationReason as keyof typeof DEROGATION_REASONS] ?? row.derogationReason}
              {row.derogationDetails ? ` : ${row.derogationDetails}` : ""} (
              {row.derogation === "REQUESTED" ? "à décider" : row.derogation === "GRANTED" ? "accordée" : "refusée"}
              {row.derogationDecision ? `, ${row.derogationDecision}` : ""})
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">Pièces</dt>
        <dd>
          <ul className="list-disc pl-5">
            {Object.entries(REQUIRED_DOCUMENTS).map(([code, name]) => (
              <li key={code}>
                {name} :{" "}
                {documents[code] ? (documents[code].reused ? "déjà au dossier de la famille" : "jointe à la demande") : "manquante"}
                {download(code, name)}
              </li>
            ))}
            {documents.derogation ? (
              <li>Justificatif de la dérogation : joint à la demande{download("derogation", "justificatif de la dérogation")}</li>
            ) : null}
          </ul>
        </dd>
        <dt className="font-semibold">État</dt>
        <dd>
          <strong>{STATUS[row.status]}</strong>
          {row.refusalReason ? ` — ${row.refusalReason}` : ""}
        </dd>
      </dl>
      {row.status === "REQUESTED" && row.derogation === "REQUESTED" ? (
        <section aria-labelledby="derogation-titre" className="card flex flex-col gap-4">
          <h2 id="derogation-titre" className="section-title">
            Décider de la dérogation
          </h2>
          <ActionForm action={decideSchoolRequestAction} submitLabel="Accorder la dérogation">
            {hidden("grant-derogation")}
            <FormTextarea name="reason" label="Commentaire (facultatif)" rows={2} />
          </ActionForm>
          <ActionForm action={decideSchoolRequestAction} submitLabel="Refuser la dérogation" submitClassName="btn-secondary self-start">
            {hidden("refuse-derogation")}
            <FormTextarea name="reason" label="Motif du refus de la dérogation" required rows={3} />
          </ActionForm>
        </section>
      ) : null}
      {row.status === "REQUESTED" && row.derogation !== "REQUESTED" ? (
        <section aria-labelledby="decision-titre" className="card flex flex-col gap-4">
          <h2 id="decision-titre" className="section-title">
            Décision
          </h2>
          <ActionForm action={decideSchoolRequestAction} submitLabel={`Valider l'inscription à ${row.school.name}`}>
            {hidden("validate")}
          </ActionForm>
          <ActionForm action={decideSchoolRequestAction} submitLabel="Refuser la demande" submitClassName="btn-secondary self-start">
            {hidden("refuse")}
            <FormTextarea name="reason" label="Motif du refus" required rows={3} />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
