import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DeclarationHeader } from "@/lib/declaration/components/DeclarationHeader";
import { PersonSummary } from "@/lib/declaration/components/PersonSummary";
import { SubmitDeclaration } from "@/lib/declaration/components/SubmitDeclaration";
import { requireParent } from "@/lib/auth/session";
import { listAttachments } from "@/lib/declaration/attachments";
import { displayName, validatePeople } from "@/lib/declaration/people";
import { DOCUMENT_KINDS, type RepresentativeKey } from "@/lib/declaration/schemas";
import { EDITABLE, openDeclaration } from "@/lib/declaration/service";
import { formatFileSize } from "@/lib/platform/format";

export const metadata: Metadata = { title: "Déclarer ma famille – Récapitulatif" };

const BASE = "/espace/declarer-ma-famille";

export default async function DeclarationSummaryPage() {
  const parent = await requireParent(`${BASE}/recapitulatif`);
  const declaration = await openDeclaration(parent.id);
  if (!EDITABLE.includes(declaration.status)) redirect("/espace");
  const errors = validatePeople(declaration.people);
  const firstError = Object.keys(errors)[0];
  if (firstError) redirect(`${BASE}?personne=${firstError}&verifier=1`);
  const { holder, co, children, contacts } = declaration.people;
  const attachments = await listAttachments(declaration.id);
  const representatives: { key: RepresentativeKey; name: string }[] = [
    { key: "holder", name: displayName(holder, "titulaire du compte") },
    ...(co ? [{ key: "co" as const, name: displayName(co, "co-représentant") }] : []),
  ];
  return (
    <div>
      <DeclarationHeader
        step={2}
        actions={
          <Link href={BASE} className="btn w-full border-2 border-white bg-transparent text-white hover:bg-white/10 sm:w-auto">
            <span aria-hidden="true">&lt; </span>Revenir à l&apos;étape 1
          </Link>
        }
      />
      <p className="mb-6">Vérifiez les informations de votre déclaration, puis envoyez-la : nos services la valideront.</p>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="recap-representants" className="card">
          <h2 id="recap-representants" className="section-title mb-4">
            Représentants
          </h2>
          <div className="flex flex-col gap-4">
            {holder ? (
              <PersonSummary
                title={`Titulaire du compte : ${displayName(holder, "")}`}
                values={holder}
                editHref={`${BASE}?personne=titulaire`}
              />
            ) : null}
            {co ? (
              <PersonSummary title={`Co-représentant : ${displayName(co, "")}`} values={co} editHref={`${BASE}?personne=co-representant`} />
            ) : null}
          </div>
        </section>
        <section aria-labelledby="recap-enfants" className="card">
          <h2 id="recap-enfants" className="section-title mb-4">
            Enfants
          </h2>
          {children.length === 0 ? <p>Aucun enfant déclaré.</p> : null}
          <div className="flex flex-col gap-4">
            {children.map((child) => (
              <PersonSummary
                key={child.id}
                title={displayName(child.values, "Enfant")}
                values={child.values}
                representatives={representatives}
                editHref={`${BASE}?personne=enfant-${child.id}`}
              />
            ))}
          </div>
        </section>
        <section aria-labelledby="recap-contacts" className="card">
          <h2 id="recap-contacts" className="section-title mb-4">
            Contacts
          </h2>
          {contacts.length === 0 ? <p>Aucun contact déclaré.</p> : null}
          <div className="flex flex-col gap-4">
            {contacts.map((contact) => (
              <PersonSummary
                key={contact.id}
                title={displayName(contact.values, "Contact")}
                values={contact.values}
                editHref={`${BASE}?personne=contact-${contact.id}`}
              />
            ))}
          </div>
        </section>
        <section aria-labelledby="recap-pieces" className="card">
          <h2 id="recap-pieces" className="section-title mb-4">
            Pièces jointes
          </h2>
          <ul className="flex flex-col gap-3">
            {DOCUMENT_KINDS.map((item) => {
              const files = attachments.filter((attachment) => attachment.kind === item.kind);
              return (
                <li key={item.kind}>
                  <p className="font-medium">{item.label}</p>
                  {files.length === 0 ? (
                    <p className="text-sm text-slate-600">Aucune pièce jointe.</p>
                  ) : (
                    <ul className="ml-4 list-disc text-sm">
                      {files.map((file) => (
                        <li key={file.document.id}>
                          {file.document.fileName} ({formatFileSize(file.document.size)})
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="mt-4">
            <Link href={`${BASE}#pieces-jointes`} className="link text-sm">
              Modifier les pièces jointes
            </Link>
          </p>
        </section>
        <section aria-labelledby="recap-envoi" className="card">
          <h2 id="recap-envoi" className="section-title mb-4">
            Envoi
          </h2>
          <p className="mb-4">
            Une fois envoyée, votre déclaration ne peut plus être modifiée, sauf si nos services vous demandent de la compléter.
          </p>
          <SubmitDeclaration submissionKey={randomUUID()} />
        </section>
      </div>
    </div>
  );
}
