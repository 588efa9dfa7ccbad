import type { Metadata } from "next";
import { PlainLink } from "@/components/layout/PlainLink";
import { lookupAddress } from "@/lib/school-enrolment";
import { AddressSearch } from "@/lib/school-enrolment/components/AddressSearch";
import { SchoolCard } from "@/lib/school-enrolment/components/SchoolCard";

export const metadata: Metadata = { title: "Carte scolaire : mes écoles" };

/** The result of a look-up: one indexed query on the street; the page stays light (no session, no client data). */
export default async function CarteScolaireResultPage({ searchParams }: { searchParams: Promise<{ adresse?: string | string[] }> }) {
  const raw = (await searchParams).adresse;
  const address = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";
  const result = address ? await lookupAddress(address) : null;
  const error = !address
    ? "Le champ 'adresse' est obligatoire."
    : result?.kind === "needs-number"
      ? `La voie « ${result.street} » dépend de plusieurs écoles selon le numéro : précisez le numéro.`
      : result?.kind === "unknown-street"
        ? "Cette voie ne figure pas sur la carte scolaire de la commune : vérifiez son orthographe."
        : undefined;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <h1 className="page-title">Carte scolaire : mes écoles</h1>
      {result?.kind === "found" ? (
        <section aria-labelledby="ecoles-titre" className="flex flex-col gap-4">
          <h2 id="ecoles-titre" className="section-title">
            Écoles de secteur pour le {result.number ? `${result.number} ` : ""}
            {result.street}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <SchoolCard school={result.maternelle} />
            <SchoolCard school={result.elementaire} />
          </div>
          <p>
            Pour inscrire votre enfant,{" "}
            <PlainLink href="/espace/inscription-scolaire" className="link">
              faites votre demande depuis votre Espace Famille
            </PlainLink>
            .
          </p>
        </section>
      ) : null}
      {result?.kind === "unknown-street" && result.suggestions.length ? (
        <section aria-labelledby="suggestions-titre" className="card">
          <h2 id="suggestions-titre" className="section-title mb-2">
            Vouliez-vous dire ?
          </h2>
          <ul className="list-disc pl-6">
            {result.suggestions.map((street) => (
              <li key={street}>
                <PlainLink className="link" href={`/carte-scolaire/resultat?adresse=${encodeURIComponent(street)}`}>
                  {street}
                </PlainLink>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <AddressSearch defaultValue={address} error={error} />
    </div>
  );
}
