import type { Metadata } from "next";
import Link from "next/link";
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
      <p className="mt-6">
        <Link href="/creer-mon-espace" className="btn-accent">
          Créer mon espace
        </Link>
      </p>
    </>
  );
}
