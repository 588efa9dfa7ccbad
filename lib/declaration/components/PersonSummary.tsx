import Link from "next/link";
import {
  CHILD_LINK_FIELDS,
  fieldSpec,
  optionLabel,
  PERSON_FIELD_KEYS,
  summaryLabel,
  type RawPerson,
  type RepresentativeKey,
} from "@/lib/declaration/schemas";

const { quality, authority } = CHILD_LINK_FIELDS;
/** Every kind of person with one list, in the registry's order (the summary's). */
const SUMMARY_FIELDS = PERSON_FIELD_KEYS.flatMap((key) => {
  const label = summaryLabel(key);
  return label === null ? [] : [{ key, label, options: fieldSpec(key).options }];
});

/** One person's fields as a definition list, in the Carbon-Blanc guide's words, with a link back to correct them. */
export function PersonSummary({
  title,
  values,
  editHref,
  representatives = [],
}: {
  title: string;
  values: RawPerson;
  editHref?: string;
  representatives?: { key: RepresentativeKey; name: string }[];
}) {
  const rows: [string, string][] = [];
  for (const { key, label, options } of SUMMARY_FIELDS) {
    const value = values[key];
    if (value === undefined || value === "" || value === false) continue;
    if (key === "birthDate" && values.expectedBirth) continue;
    rows.push([label, value === true ? "Oui" : options ? (optionLabel(options, value) ?? "") : String(value)]);
  }
  for (const representative of representatives) {
    const qualityWord = optionLabel(quality.options, values[quality.key(representative.key)]);
    const authorityWord = optionLabel(authority.options, values[authority.key(representative.key)]);
    if (qualityWord) rows.push([quality.label(representative.name), qualityWord]);
    if (authorityWord) rows.push([authority.label(representative.name), authorityWord]);
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
