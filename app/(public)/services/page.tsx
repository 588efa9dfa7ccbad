import type { Metadata } from "next";
import { PlainLink } from "@/components/layout/PlainLink";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Services" };

export default function ServicesPage() {
  const { services, ages } = town();
  return (
    <>
      <h1 className="page-title mb-2">Services</h1>
      <p className="mb-6 max-w-3xl text-slate-700">
        Les services proposés aux enfants de {ages.min} à {ages.max} ans. Les inscriptions et réservations se font depuis votre Espace
        Famille, une fois votre famille déclarée et validée par nos services.
      </p>
      <ul className="grid gap-4 sm:grid-cols-2">
        {services.map((service) => (
          <li key={service.code} className="card">
            <h2 className="mb-2 text-lg font-bold text-town">{service.name}</h2>
            <p className="text-slate-800">{service.description}</p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="scolaire-titre" className="card mt-6">
        <h2 id="scolaire-titre" className="mb-2 text-lg font-bold text-town">
          Inscriptions scolaires
        </h2>
        <p className="mb-3 text-slate-800">
          Les enfants qui entrent en petite section ou au CP, et ceux des familles qui arrivent dans la commune, sont inscrits à
          l&apos;école de leur secteur depuis l&apos;Espace Famille. Trouvez d&apos;abord les écoles de votre adresse.
        </p>
        <PlainLink href="/carte-scolaire" className="btn-secondary">
          Consulter la carte scolaire
        </PlainLink>
      </section>
      <p className="mt-6">
        <PlainLink href="/creer-mon-espace" className="btn-accent">
          Créer mon espace
        </PlainLink>
      </p>
    </>
  );
}
