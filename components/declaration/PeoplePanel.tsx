import Link from "next/link";
import { displayName, type DeclarationPeople } from "@/lib/declaration/people";

const BASE = "/espace/declarer-ma-famille";

function PersonLink({ param, label, selected, invalid }: { param: string; label: string; selected: boolean; invalid: boolean }) {
  return (
    <Link
      href={`${BASE}?personne=${param}`}
      aria-current={selected ? "page" : undefined}
      className={`flex items-center justify-between gap-2 rounded-md border px-3 py-2 text-sm font-medium ${
        selected ? "border-town bg-town text-white" : invalid ? "border-red-700 bg-red-50 text-red-900" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100"
      }`}
    >
      <span>{label}</span>
      {invalid ? (
        <span className={selected ? "text-white" : "text-red-700"}>
          <span aria-hidden="true">⚠</span> <span className="text-xs">à corriger</span>
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
 * The seed's panel: "Titulaire du compte", "Co-représentant", "Enfants", "Contacts". People who still
 * have errors are marked, in words as well as in colour.
 */
export function PeoplePanel({ people, holderName, selected, invalid }: { people: DeclarationPeople; holderName: string; selected: string; invalid: Set<string> }) {
  return (
    <nav aria-label="Membres de la famille" className="flex flex-col gap-5">
      <section aria-labelledby="panel-titulaire">
        <h2 id="panel-titulaire" className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
          Titulaire du compte
        </h2>
        <PersonLink param="titulaire" label={holderName} selected={selected === "titulaire"} invalid={invalid.has("titulaire")} />
      </section>
      <section aria-labelledby="panel-co">
        <h2 id="panel-co" className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-700">
          Co-représentant
        </h2>
        {people.co ? (
          <PersonLink param="co-representant" label={displayName(people.co, "Co-représentant")} selected={selected === "co-representant"} invalid={invalid.has("co-representant")} />
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
              <PersonLink param={`enfant-${child.id}`} label={displayName(child.values, "Enfant")} selected={selected === `enfant-${child.id}`} invalid={invalid.has(`enfant-${child.id}`)} />
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
              <PersonLink param={`contact-${contact.id}`} label={displayName(contact.values, "Contact")} selected={selected === `contact-${contact.id}`} invalid={invalid.has(`contact-${contact.id}`)} />
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
