import Link from "next/link";
import type { RawPerson } from "@/lib/declaration/schemas";
import { civilityOptions, qualityOptions, regimeOptions, relationshipOptions, sexOptions, yesNoOptions } from "@/lib/declaration/schemas";

const labelOf = (options: readonly { value: string; label: string }[], value: unknown) => options.find((option) => option.value === value)?.label ?? "";

const LABELS: [string, string, ((value: unknown) => string)?][] = [
  ["civility", "Civilité", (value) => labelOf(civilityOptions, value)],
  ["usageName", "Nom d'usage"],
  ["firstName", "Prénom"],
  ["sex", "Sexe", (value) => labelOf(sexOptions, value)],
  ["birthDate", "Date de naissance"],
  ["expectedBirthDate", "Naissance prévue le"],
  ["streetNumber", "Numéro"],
  ["streetName", "Nom de la voie"],
  ["building", "Bâtiment"],
  ["apartment", "Appartement"],
  ["addressComplement", "Complément"],
  ["postalCode", "Code postal"],
  ["city", "Ville"],
  ["country", "Pays"],
  ["homePhone", "Téléphone domicile"],
  ["homePhoneUnlisted", "Liste rouge"],
  ["mobile", "Téléphone portable"],
  ["refusesSms", "Refuse les SMS"],
  ["phone", "Téléphone"],
  ["email", "Courriel"],
  ["refusesEmail", "Refuse les courriels"],
  ["profession", "Profession"],
  ["employer", "Employeur"],
  ["workPhone", "Téléphone professionnel"],
  ["allocataireMember", "Membre allocataire", (value) => labelOf(yesNoOptions, value)],
  ["allocataireRegime", "Régime allocataire", (value) => labelOf(regimeOptions, value)],
  ["allocataireOrganisation", "Organisme allocataire"],
  ["allocataireNumber", "Numéro d'allocataire"],
  ["dependentChildren", "Nombre d'enfants à charge"],
  ["emergencyContact", "A prévenir en cas d'urgence"],
  ["relationship", "Lien avec la famille", (value) => labelOf(relationshipOptions, value)],
];

/** One person's fields as a definition list, in the seed's words, with a link back to correct them. */
export function PersonSummary({ title, values, editHref, representatives = [] }: { title: string; values: RawPerson; editHref?: string; representatives?: { key: string; name: string }[] }) {
  const rows: [string, string][] = [];
  for (const [key, label, format] of LABELS) {
    const value = values[key];
    if (value === undefined || value === "" || value === false) continue;
    if (key === "birthDate" && values.expectedBirth) continue;
    rows.push([label, value === true ? "Oui" : format ? format(value) : String(value)]);
  }
  for (const representative of representatives) {
    const quality = labelOf(qualityOptions, values[`quality_${representative.key}`]);
    const authority = labelOf(yesNoOptions, values[`authority_${representative.key}`]);
    if (quality) rows.push([`Qualité de ${representative.name}`, quality]);
    if (authority) rows.push([`Autorité parentale de ${representative.name}`, authority]);
  }
  return (
    <article className="rounded-md border border-slate-300 p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-bold text-slate-900">{title}</h3>
        {editHref ? (
          <Link href={editHref} className="link text-sm">
            Modifier<span className="sr-only"> {title}</span>
          </Link>
        ) : null}
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="break-words text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
