import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FormText } from "@/components/forms/ActionForm";
import { updateSchoolAction } from "@/lib/school-enrolment/actions";
import { listSchoolsForStaff } from "@/lib/school-enrolment/carte-edit";
import { LEVEL_LABELS, LEVELS, levelKind } from "@/lib/school-enrolment/levels";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Modifier une école" };

export default async function SchoolEditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const school = (await listSchoolsForStaff(await staffCaller())).find((row) => row.id === id);
  if (!school) notFound();
  const capacity = (school.capacity ?? {}) as Record<string, number>;
  const levels = LEVELS.filter((level) => levelKind(level) === school.kind);
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <p>
        <Link href="/admin/carte-scolaire" className="link">
          Retour à la carte scolaire
        </Link>
      </p>
      <h1 className="page-title">Modifier : {school.name}</h1>
      <ActionForm action={updateSchoolAction} submitLabel="Enregistrer l'école">
        <input type="hidden" name="code" value={school.code} />
        <input type="hidden" name="type" value={school.kind === "MATERNELLE" ? "maternelle" : "elementaire"} />
        <p>
          Code <strong>{school.code}</strong> ({school.kind === "MATERNELLE" ? "maternelle" : "élémentaire"}) : il relie l&apos;école aux
          lignes de la carte et aux fichiers importés, il ne change pas ici.
        </p>
        <FormText name="nom" label="Nom" required defaultValue={school.name} autoComplete="off" />
        <FormText name="adresse" label="Adresse" required defaultValue={school.address} autoComplete="off" />
        <FormText name="telephone" label="Téléphone" type="tel" defaultValue={school.phone ?? ""} autoComplete="off" />
        <FormText name="courriel" label="Courriel" type="email" defaultValue={school.email ?? ""} autoComplete="off" />
        <FormText name="directeur" label="Directeur ou directrice" defaultValue={school.director ?? ""} autoComplete="off" />
        <fieldset className="flex flex-col gap-3">
          <legend className="font-semibold">Places à la rentrée, par niveau</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            {levels.map((level) => (
              <FormText
                key={level}
                name={`capacite_${level}`}
                label={LEVEL_LABELS[level]}
                inputMode="numeric"
                required
                defaultValue={String(capacity[level] ?? 0)}
              />
            ))}
          </div>
        </fieldset>
      </ActionForm>
    </div>
  );
}
