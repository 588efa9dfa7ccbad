import Link from "next/link";
import { displayName, type DeclarationPeople } from "@/lib/declaration/people";

const BASE = "/espace/declarer-ma-famille";

type Mark = "invalid" | "remarked" | null;

function PersonLink({ param, label, selected, mark }: { param: string; label: string; selected: boolean; mark: Mark }) {
  const tone = selected
    ? "border-town bg-town text-white"
    : mark === "invalid"
      ? "border-red-700 bg-red-50 text-red-900"
      : mark === "remarked"
        ? "border-amber-700 bg-amber-50 text-amber-950"
        : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100";
  return (
    <Link
      href={`${BASE}?personne=${param}`}
      aria-current={selected ? "page" : undefined}
      className={`flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm font-medium ${tone}`}
    >
      <span>{label}</span>
      {mark === "invalid" ? (
        <span className={selected ? "text-white" : "text-red-700"}>
          <span aria-hidden="true">⚠</span> <span className="text-xs">à corriger</span>
        </span>
      ) : mark === "remarked" ? (
        <span className={selected ? "text-white" : "text-amber-900"}>
          <span aria-hidden="true">✎</span> <span className="text-xs">remarque de nos services</span>
        </span>
      ) : null}
    </Link>
  );
}

function AddLink({ param, label, selected }: { param: string; label: string; selected: boolean }) {
  return (
    <Link
      href={`${BASE}?personne=${param}`}
      aria-current={selected ? "page" : undefined}
      className="flex items-center gap-2 rounded-md border border-dashed border-town px-3 py-2 text-sm font-semibold text-town hover:bg-blue-50"
    >
      <span aria-hidden="true">+</span> {label}
    </Link>
  );
}

/**
 * The panel of the Carbon-Blanc guide's declaration: "Titulaire du compte", "Co-représentant", "Enfants", "Contacts". People who still
 * have errors, and people a staff remark is about, are marked, in words as well as in colour.
 */
export function PeoplePanel({
  people,
  holderName,
  selected,
  invalid,
  remarked = new Set(),
}: {
  people: DeclarationPeople;
  holderName: string;
  selected: string;
  invalid: Set<string>;
  remarked?: Set<string>;
}) {
  const mark = (param: string): Mark => (invalid.has(param) ? "invalid" : remarked.has(param) ? "remarked" : null);
  return (
    <nav aria-label="Membres de la famille" className="flex flex-col gap-5">
      <section aria-labelledby="panel-titulaire">
        <h2 id="panel-titulaire" className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
          Titulaire du compte
        </h2>
        <PersonLink param="titulaire" label={holderName} selected={selected === "titulaire"} mark={mark("titulaire")} />
      </section>
      <section aria-labelledby="panel-co">
        <h2 id="panel-co" className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
          Co-représentant
        </h2>
        {people.co ? (
          <PersonLink
            param="co-representant"
            label={displayName(people.co, "Co-représentant")}
            selected={selected === "co-representant"}
            mark={mark("co-representant")}
          />
        ) : (
          <AddLink param="co-representant" label="Ajouter un co-représentant" selected={selected === "co-representant"} />
        )}
      </section>
      <section aria-labelledby="panel-enfants">
        <h2 id="panel-enfants" className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
          Enfants
        </h2>
        <ul className="flex flex-col gap-2">
          {people.children.map((child) => (
            <li key={child.id}>
              <PersonLink
                param={`enfant-${child.id}`}
                label={displayName(child.values, "Enfant")}
                selected={selected === `enfant-${child.id}`}
                mark={mark(`enfant-${child.id}`)}
              />
            </li>
          ))}
          <li>
            <AddLink param="nouvel-enfant" label="Ajouter un enfant" selected={selected === "nouvel-enfant"} />
          </li>
        </ul>
      </section>
      <section aria-labelledby="panel-contacts">
        <h2 id="panel-contacts" className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
          Contacts
        </h2>
        <ul className="flex flex-col gap-2">
          {people.contacts.map((contact) => (
            <li key={contact.id}>
              <PersonLink
                param={`contact-${contact.id}`}
                label={displayName(contact.values, "Contact")}
                selected={selected === `contact-${contact.id}`}
                mark={mark(`contact-${contact.id}`)}
              />
            </li>
          ))}
          <li>
            <AddLink param="nouveau-contact" label="Ajouter un contact" selected={selected === "nouveau-contact"} />
          </li>
        </ul>
      </section>
    </nav>
  );
}
