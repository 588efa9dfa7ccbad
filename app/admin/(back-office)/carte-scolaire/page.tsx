import type { Metadata } from "next";
import { streetNames } from "@/lib/school-enrolment";
import { CarteImportForm } from "@/lib/school-enrolment/components/CarteImportForm";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Carte scolaire" };

export default async function CarteScolaireAdminPage() {
  await requireStaff();
  const streets = await streetNames();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Carte scolaire</h1>
      <p>
        {streets.length} voies sur la carte scolaire. Importez le fichier des écoles et celui des secteurs : les différences s&apos;affichent
        avant d&apos;être appliquées, en une seule fois.
      </p>
      <CarteImportForm />
    </div>
  );
}
