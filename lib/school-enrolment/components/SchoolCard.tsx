import type { SchoolContact } from "../carte";

/** A school with its address and contacts (public page, parent's request, certificate preview). */
export function SchoolCard({ school, heading = "h3" }: { school: SchoolContact; heading?: "h2" | "h3" }) {
  const Heading = heading;
  return (
    <div className="card">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">
        {school.kind === "MATERNELLE" ? "École maternelle" : "École élémentaire"}
      </p>
      <Heading className="mb-2 text-lg font-bold text-town">{school.name}</Heading>
      <dl className="grid gap-1 text-sm">
        <div>
          <dt className="inline font-semibold">Adresse : </dt>
          <dd className="inline">{school.address}</dd>
        </div>
        {school.phone ? (
          <div>
            <dt className="inline font-semibold">Téléphone : </dt>
            <dd className="inline">
              <a className="link" href={`tel:${school.phone.replace(/\s/g, "")}`}>
                {school.phone}
              </a>
            </dd>
          </div>
        ) : null}
        {school.email ? (
          <div>
            <dt className="inline font-semibold">Courriel : </dt>
            <dd className="inline">
              <a className="link break-all" href={`mailto:${school.email}`}>
                {school.email}
              </a>
            </dd>
          </div>
        ) : null}
        {school.director ? (
          <div>
            <dt className="inline font-semibold">Direction : </dt>
            <dd className="inline">{school.director}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
