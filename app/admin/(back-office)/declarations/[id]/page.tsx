import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FormCheckbox, FormSelect, FormText, FormTextarea } from "@/components/forms/ActionForm";
import { Notice } from "@/components/layout/StatusBadge";
import { DeclarationHistory } from "@/lib/review/components/DeclarationHistory";
import { DocumentViewer } from "@/lib/review/components/DocumentViewer";
import { formatFileSize, formatLongDate } from "@/lib/platform/format";
import { acceptDeclarationAction, refuseDeclarationAction, requestCorrectionAction, takeDeclarationAction } from "@/lib/review/actions";
import { REMARK_ROWS, STATUS_LABELS } from "@/lib/review/schemas";
import { documentShortLabels, getDeclarationForStaff, remarkTargets } from "@/lib/review/service";
import { staffCaller } from "@/lib/staff/session";
import { formatPhone } from "@/lib/platform/validation/phone";

export const metadata: Metadata = { title: "Déclaration de famille" };

const notices: Record<string, string> = {
  prise: "La déclaration est prise en charge : elle est « en cours » à votre nom.",
  correction: "La demande de correction est envoyée au parent (courriel et page d'accueil de son espace).",
  validee: "La déclaration est validée : le dossier famille est à jour et le parent est prévenu.",
  refusee: "La déclaration est refusée : le parent est prévenu avec le motif.",
};

export default async function DeclarationReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ fait?: string; piece?: string }>;
}) {
  const { id } = await params;
  const declaration = await getDeclarationForStaff(await staffCaller(), id);
  if (!declaration) notFound();
  const { fait, piece } = await searchParams;
  const open = declaration.status === "SUBMITTED" || declaration.status === "IN_REVIEW";
  const mine = declaration.assignedTo?.id === declaration.viewer.id;
  const shown = declaration.documents.find((link) => link.document.id === piece && !link.document.deletedAt);
  const targets = remarkTargets(declaration.presented);
  const versionInput = <input type="hidden" name="version" value={declaration.version} />;
  const account = declaration.account;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/declarations" className="link text-sm">
          Retour aux déclarations
        </Link>
      </p>
      <h1 className="page-title mb-2">Déclaration {declaration.reference}</h1>
      <p className="mb-6 text-sm text-slate-700">
        <strong className="text-slate-900">{STATUS_LABELS[declaration.status]}</strong>
        {declaration.submittedAt ? ` – envoyée le ${formatLongDate(declaration.submittedAt)}` : ""}
        {declaration.assignedTo ? ` – suivie par ${declaration.assignedTo.displayName}` : ""}
        {declaration.family ? (
          <>
            {" – dossier "}
            <Link href={`/admin/familles/${declaration.family.id}`} className="link font-mono">
              {declaration.family.dossierNumber}
            </Link>
          </>
        ) : null}
      </p>
      {fait && notices[fait] ? <Notice>{notices[fait]}</Notice> : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="compte-titre" className="card">
            <h2 id="compte-titre" className="section-title mb-3">
              Compte du parent
            </h2>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
              <dt className="font-semibold">Nom</dt>
              <dd>
                {account.civility === "MADAME" ? "Mme" : "M."} {account.firstNames} {account.usageName.toUpperCase()}
              </dd>
              <dt className="font-semibold">Connexion</dt>
              <dd>
                {account.login ? `identifiant ${account.login}` : "FranceConnect seulement"}
                {account.login && account.franceConnectIdentities.length ? ", et FranceConnect" : ""}
              </dd>
              <dt className="font-semibold">Courriel</dt>
              <dd>{account.email}</dd>
              {account.mobile ? (
                <>
                  <dt className="font-semibold">Portable</dt>
                  <dd>{formatPhone(account.mobile)}</dd>
                </>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="pieces-titre" className="card" id="pieces">
            <h2 id="pieces-titre" className="section-title mb-3">
              Pièces justificatives
            </h2>
            {declaration.documents.length === 0 ? (
              <p className="text-sm">Aucune pièce n&apos;a été jointe.</p>
            ) : (
              <ul className="mb-4 flex flex-col gap-2 text-sm">
                {declaration.documents.map((link) => (
                  <li key={link.document.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="font-semibold">
                      {documentShortLabels[link.kind as keyof typeof documentShortLabels] ?? "Autre pièce"}
                    </span>
                    <span>
                      {link.document.fileName} ({formatFileSize(link.document.size)})
                    </span>
                    {link.document.deletedAt ? (
                      <span className="text-slate-700">supprimée par le parent</span>
                    ) : (
                      <Link
                        href={`/admin/declarations/${declaration.id}?piece=${link.document.id}#visionneuse`}
                        className="link"
                        aria-current={shown?.document.id === link.document.id ? "true" : undefined}
                      >
                        Afficher<span className="sr-only"> {link.document.fileName}</span>
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {shown ? (
              <DocumentViewer
                demarcheId={declaration.id}
                document={shown.document}
                label={documentShortLabels[shown.kind as keyof typeof documentShortLabels] ?? "Pièce"}
              />
            ) : null}
          </section>

          {declaration.presented.map((person) => (
            <section key={person.key} aria-labelledby={`personne-${person.key}`} className="card">
              <h2 id={`personne-${person.key}`} className="section-title mb-3">
                {person.name} <span className="text-base font-normal text-slate-700">– {person.role}</span>
              </h2>
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
                {person.fields.map((field) => (
                  <div key={field.label} className="contents">
                    <dt className="font-semibold">{field.label}</dt>
                    <dd className="break-words">{field.value}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>

        <div className="flex flex-col gap-6">
          <section aria-labelledby="decision-titre" className="card">
            <h2 id="decision-titre" className="section-title mb-3">
              Décision
            </h2>
            {declaration.status === "SUBMITTED" || (declaration.status === "IN_REVIEW" && !mine) ? (
              <div className="mb-6">
                <p className="mb-3 text-sm text-slate-700">
                  {declaration.status === "SUBMITTED"
                    ? "Prenez la déclaration en charge : elle passe « en cours » à votre nom, vos collègues le voient dans la file."
                    : `${declaration.assignedTo?.displayName ?? "Un autre agent"} suit cette déclaration. Vous pouvez la reprendre à votre nom.`}
                </p>
                <ActionForm
                  action={takeDeclarationAction.bind(null, declaration.id)}
                  submitLabel={declaration.status === "SUBMITTED" ? "Prendre en charge" : "Reprendre à mon nom"}
                >
                  {versionInput}
                </ActionForm>
              </div>
            ) : null}
            {open ? (
              <>
                <h3 className="mb-2 font-bold">Demander une correction au parent</h3>
                <ActionForm
                  action={requestCorrectionAction.bind(null, declaration.id)}
                  submitLabel="Envoyer la demande de correction"
                  submitClassName="btn-secondary self-start"
                >
                  {versionInput}
                  <FormTextarea
                    name="message"
                    label="Message au parent"
                    required
                    rows={4}
                    help="Le parent lit ce message dans son espace et par courriel : dites ce qui manque et comment le fournir."
                  />
                  <fieldset className="flex flex-col gap-3">
                    <legend className="mb-1 text-sm font-semibold">Remarques sur une personne ou une pièce (facultatif)</legend>
                    {Array.from({ length: REMARK_ROWS }, (_, row) => (
                      <div key={row} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                        <FormSelect
                          name={`remarque_cible_${row}`}
                          label={`Remarque ${row + 1} : concerne`}
                          options={[
                            { value: "", label: "Choisir…" },
                            ...targets.map((target) => ({ value: target.key, label: target.label })),
                          ]}
                        />
                        <FormText name={`remarque_texte_${row}`} label={`Remarque ${row + 1} : à corriger`} maxLength={500} />
                      </div>
                    ))}
                  </fieldset>
                </ActionForm>
                <h3 className="mb-2 mt-6 border-t border-slate-200 pt-4 font-bold">Valider la déclaration</h3>
                <p className="mb-2 text-sm text-slate-700">
                  {declaration.family || account.familyId
                    ? "Le dossier famille existant est mis à jour avec ces personnes et ces pièces."
                    : "Un dossier famille est créé (numéro F-année-numéro) avec ces personnes et ces pièces, et relié au compte du parent."}
                </p>
                <ActionForm action={acceptDeclarationAction.bind(null, declaration.id)} submitLabel="Valider la déclaration">
                  {versionInput}
                  <FormCheckbox name="confirmation" label="J'ai vérifié les personnes et les pièces justificatives." />
                </ActionForm>
              </>
            ) : null}
            {open || declaration.status === "NEEDS_CORRECTION" ? (
              <>
                <h3 className="mb-2 mt-6 border-t border-slate-200 pt-4 font-bold">Refuser la déclaration</h3>
                <ActionForm
                  action={refuseDeclarationAction.bind(null, declaration.id)}
                  submitLabel="Refuser la déclaration"
                  submitClassName="btn-danger self-start"
                >
                  {versionInput}
                  <FormTextarea
                    name="reason"
                    label="Motif du refus"
                    required
                    rows={3}
                    help="Le parent lit ce motif : il doit pouvoir le comprendre et savoir quoi faire."
                  />
                  <FormCheckbox name="confirmation" label="Je confirme le refus de cette déclaration." />
                </ActionForm>
              </>
            ) : null}
            {declaration.status === "NEEDS_CORRECTION" ? (
              <p className="mt-4 text-sm text-slate-700">
                En attente des corrections du parent : la déclaration reviendra « à traiter » quand il l&apos;enverra de nouveau.
              </p>
            ) : null}
            {declaration.status === "ACCEPTED" ? (
              <p className="text-sm">Validée{declaration.decidedAt ? ` le ${formatLongDate(declaration.decidedAt)}` : ""}.</p>
            ) : null}
            {declaration.status === "REFUSED" ? (
              <p className="text-sm">
                Refusée{declaration.decidedAt ? ` le ${formatLongDate(declaration.decidedAt)}` : ""}. Motif : {declaration.refusalReason}
              </p>
            ) : null}
          </section>
          <DeclarationHistory events={declaration.events} />
        </div>
      </div>
    </>
  );
}
