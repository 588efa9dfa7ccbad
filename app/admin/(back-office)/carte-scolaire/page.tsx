import type { Metadata } from "next";
import Link from "next/link";
import { listSchoolsForStaff, listSectorsForStaff } from "@/lib/school-enrolment/carte-edit";
import { describeRange } from "@/lib/school-enrolment/sectors";
import { CarteImportForm } from "@/lib/school-enrolment/components/CarteImportForm";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Carte scolaire" };

export default async function CarteScolaireAdminPage() {
  const caller = await staffCaller();
  const [sectors, schools] = await Promise.all([listSectorsForStaff(caller), listSchoolsForStaff(caller)]);
  const streets = new Set(sectors.map((sector) => sector.street));
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Carte scolaire</h1>
      <p>
        {streets.size} voies sur la carte scolaire. Importez le fichier des écoles et celui des secteurs : les différences s&apos;affichent
        avant d&apos;être appliquées, en une seule fois.
      </p>
      <CarteImportForm />
      <section aria-labelledby="ecoles-titre">
        <h2 id="ecoles-titre" className="section-title mb-3">
          Écoles ({schools.length})
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Écoles publiques de la commune, leurs contacts et leurs places</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 text-left">
                <th scope="col" className="p-2">
                  École
                </th>
                <th scope="col" className="p-2">
                  Code
                </th>
                <th scope="col" className="p-2">
                  Adresse
                </th>
                <th scope="col" className="p-2">
                  Places
                </th>
                <th scope="col" className="p-2">
                  Action
                </th>
              </tr>
            </thead>
            <tbody>
              {schools.map((school) => (
                <tr key={school.id} className="border-b border-slate-200">
                  <th scope="row" className="p-2 text-left font-normal">
                    {school.name}
                  </th>
                  <td className="p-2">{school.code}</td>
                  <td className="p-2">{school.address}</td>
                  <td className="p-2">
                    {Object.entries((school.capacity ?? {}) as Record<string, number>)
                      .map(([level, places]) => `${level} ${places}`)
                      .join(", ")}
                  </td>
                  <td className="p-2">
                    <Link className="link" href={`/admin/carte-scolaire/ecoles/${school.id}`}>
                      Modifier<span className="sr-only"> {school.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="lignes-titre">
        <h2 id="lignes-titre" className="section-title mb-3">
          Lignes de la carte ({sectors.length})
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Secteurs scolaires par voie</caption>
            <thead>
              <tr className="border-b-2 border-slate-400 text-left">
                <th scope="col" className="p-2">
                  Voie
                </th>
                <th scope="col" className="p-2">
                  Numéros
                </th>
                <th scope="col" className="p-2">
                  Maternelle
                </th>
                <th scope="col" className="p-2">
                  Élémentaire
                </th>
                <th scope="col" className="p-2">
                  Action
                </th>
              </tr>
            </thead>
            <tbody>
              {sectors.map((sector) => (
                <tr key={sector.id} className="border-b border-slate-200">
                  <td className="p-2">{sector.street}</td>
                  <td className="p-2">{describeRange(sector)}</td>
                  <td className="p-2">{sector.maternelle.code}</td>
                  <td className="p-2">{sector.elementaire.code}</td>
                  <td className="p-2">
                    <Link className="link" href={`/admin/carte-scolaire/secteurs/${sector.id}`}>
                      Modifier
                      <span className="sr-only">
                        {" "}
                        {sector.street}, {describeRange(sector)}
                      </span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
