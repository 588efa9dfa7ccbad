import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AttachmentKind } from "@/lib/declaration/components/Attachments";
import { ChildForm } from "@/lib/declaration/components/ChildForm";
import { ContactForm } from "@/lib/declaration/components/ContactForm";
import { CancelDemarcheLink, DeclarationHeader } from "@/lib/declaration/components/DeclarationHeader";
import { PeoplePanel } from "@/lib/declaration/components/PeoplePanel";
import { RepresentativeForm } from "@/lib/declaration/components/RepresentativeForm";
import { SoloWarning } from "@/lib/declaration/components/SoloWarning";
import { requireParent } from "@/lib/auth/session";
import { goToSummaryAction, removePersonAction } from "@/lib/declaration/actions";
import { listAttachments } from "@/lib/declaration/attachments";
import { lastStaffRequestDetails } from "@/lib/review/history";
import { displayName, parsePersonRef, personRefParam, validatePeople } from "@/lib/declaration/people";
import { childAgeWarning, DOCUMENT_KINDS } from "@/lib/declaration/schemas";
import { EDITABLE, holderFromAccount, openDeclaration } from "@/lib/declaration/service";
import { listOwnDocuments } from "@/lib/documents/service";
import { formatFileSize } from "@/lib/platform/format";
import { parseFrenchDate } from "@/lib/platform/validation/date";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Déclarer ma famille – Ma demande" };

type Search = { personne?: string; verifier?: string; avertissement?: string; enregistre?: string; piece?: string };

export default async function DeclareFamilyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const parent = await requireParent("/espace/declarer-ma-famille");
  const search = await searchParams;
  const declaration = await openDeclaration(parent.id);
  if (!EDITABLE.includes(declaration.status)) redirect("/espace");

  const people = declaration.people;
  const ref = parsePersonRef(search.personne) ?? { kind: "holder" as const };
  const selected = personRefParam(ref);
  const errors = validatePeople(people);
  const invalid = new Set(Object.keys(errors).filter((key) => key !== "titulaire" || people.holder));
  const holderDefaults = people.holder ?? (await holderFromAccount(parent.id));
  const [attachments, stored, staffRequest] = await Promise.all([
    listAttachments(declaration.id),
    listOwnDocuments(parent.id),
    declaration.status === "NEEDS_CORRECTION" ? lastStaffRequestDetails(declaration.id) : null,
  ]);
  const representatives = [
    { key: "holder" as const, name: displayName(holderDefaults, "titulaire du compte") },
    ...(people.co ? [{ key: "co" as const, name: displayName(people.co, "co-représentant") }] : []),
  ];
  const showBanner = search.verifier === "1" && Object.keys(errors).length > 0;
  const personSelected = Boolean(search.personne);

  let form: React.ReactNode = null;
  let removable = false;
  switch (ref.kind) {
    case "holder":
      form = <RepresentativeForm key="titulaire" person="titulaire" title="Représentant – titulaire du compte" defaults={holderDefaults} />;
      break;
    case "co":
      form = (
        <RepresentativeForm
          key="co"
          person="co-representant"
          title="Représentant – co-représentant"
          defaults={people.co ?? { country: "FRANCE" }}
          holderAddress={holderDefaults}
        />
      );
      removable = Boolean(people.co);
      break;
    case "child": {
      const child = people.children.find((item) => item.id === ref.id);
      if (ref.id && !child) redirect("/espace/declarer-ma-famille?personne=nouvel-enfant");
      const birthIso = child && !child.values.expectedBirth ? parseFrenchDate(String(child.values.birthDate ?? "")) : null;
      form = (
        <ChildForm
          key={selected}
          person={selected}
          title={child ? `Membre – ${displayName(child.values, "enfant")}` : "Membre – nouvel enfant"}
          defaults={child?.values ?? { usageName: String(holderDefaults.usageName ?? "") }}
          representatives={representatives}
          holderAddress={holderDefaults}
          ageWarning={childAgeWarning(birthIso ?? undefined, town().ages)}
        />
      );
      removable = Boolean(child);
      break;
    }
    case "contact": {
      const contact = people.contacts.find((item) => item.id === ref.id);
      if (ref.id && !contact) redirect("/espace/declarer-ma-famille?personne=nouveau-contact");
      form = (
        <ContactForm
          key={selected}
          person={selected}
          title={contact ? `Contact – ${displayName(contact.values, "contact")}` : "Contact – nouveau contact"}
          defaults={contact?.values ?? {}}
        />
      );
      removable = Boolean(contact);
      break;
    }
  }

  return (
    <div>
      <DeclarationHeader
        step={1}
        actions={
          <div className="flex flex-col gap-3 sm:flex-row">
            {declaration.status === "DRAFT" ? <CancelDemarcheLink /> : null}
            <form action={goToSummaryAction}>
              <button type="submit" className="btn w-full bg-white text-town hover:bg-slate-100">
                Aller à l&apos;étape 2 <span aria-hidden="true">&gt;</span>
              </button>
            </form>
          </div>
        }
      />
      {search.avertissement === "seul" ? <SoloWarning /> : null}
      {staffRequest ? (
        <section role="alert" className="mb-6 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
          <h2 className="mb-1 font-bold">Nos services vous demandent de compléter votre déclaration</h2>
          <p className="whitespace-pre-line">{staffRequest.text}</p>
        </section>
      ) : null}
      {showBanner ? (
        <p role="alert" className="mb-6 rounded-md border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-800">
          <span aria-hidden="true">⚠ </span>Des champs sont non renseignés ou mal renseignés, merci de corriger votre saisie.
        </p>
      ) : null}
      {search.enregistre === "1" ? (
        <p role="status" className="mb-6 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          {displayName(ref.kind === "holder" ? people.holder : ref.kind === "co" ? people.co : null, "La personne")} a bien été ajoutée à
          votre entourage.
        </p>
      ) : null}
      <p className="mb-4 text-sm text-slate-700">
        Créez tous les membres de votre famille les uns après les autres, en commençant par vous : remplissez les champs demandés puis
        cliquez sur « Ajouter à mon entourage ». Les champs marqués d&apos;un <span aria-hidden="true">*</span>
        <span className="sr-only">astérisque</span> sont obligatoires.
      </p>
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        {/* On a phone the panel and the form are two screens (the Carbon-Blanc guide shows the declaration as two pages: the list of people, then the form). */}
        <div className={personSelected ? "hidden lg:block" : ""}>
          <PeoplePanel
            people={people}
            holderName={displayName(holderDefaults, "Titulaire du compte")}
            selected={personSelected ? selected : ""}
            invalid={invalid}
            remarked={staffRequest?.remarkedPeople}
          />
        </div>
        <section aria-label="Fiche de la personne" className={`card ${personSelected ? "" : "hidden lg:block"}`}>
          <p className="mb-4 lg:hidden">
            <Link href="/espace/declarer-ma-famille" className="link">
              <span aria-hidden="true">‹ </span>Retour à la liste des personnes
            </Link>
          </p>
          {form}
          {removable ? (
            <form action={removePersonAction} className="mt-4 border-t border-slate-200 pt-4">
              <input type="hidden" name="personne" value={selected} />
              <button type="submit" className="text-sm font-semibold text-red-700 underline">
                Retirer cette personne de ma déclaration
              </button>
            </form>
          ) : null}
        </section>
      </div>
      <section id="pieces-jointes" aria-labelledby="pieces-titre" className="card mt-8 scroll-mt-4">
        <h2 id="pieces-titre" className="section-title mb-2">
          Pièces jointes
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          Vos documents restent privés : seuls vous et les agents habilités de la ville peuvent les consulter.{" "}
          <Link href="/espace/documents" className="link">
            Mon espace de stockage
          </Link>
        </p>
        {search.piece === "ajoutee" ? (
          <p role="status" className="mb-4 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
            La pièce a bien été jointe à votre déclaration.
          </p>
        ) : null}
        <ul className="flex flex-col gap-4">
          {DOCUMENT_KINDS.map((item) => (
            <AttachmentKind
              key={item.kind}
              kind={item.kind}
              label={item.label}
              editable
              attached={attachments
                .filter((attachment) => attachment.kind === item.kind)
                .map((attachment) => ({
                  id: attachment.document.id,
                  fileName: attachment.document.fileName,
                  size: formatFileSize(attachment.document.size),
                }))}
              stored={stored.map((document) => ({ id: document.id, fileName: document.fileName }))}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
