import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatShortDate } from "@/lib/platform/format";
import { enrolledChildren } from "@/lib/school-enrolment";
import { isLevel, LEVEL_LABELS } from "@/lib/school-enrolment/levels";
import { campaignSchoolYear } from "@/lib/school-enrolment/year";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Élèves inscrits" };

/** The director's list, printable (the menu and links are hidden when printing). */
export default async function EnrolledChildrenPage({ params }: { params: Promise<{ schoolId: string }> }) {
  const schoolYear = await campaignSchoolYear();
  const { schoolId } = await params;
  const list = await enrolledChildren(await staffCaller(), schoolYear, schoolId);
  if (!list) notFound();
  return (
    <div className="flex flex-col gap-4">
      <p className="print:hidden">
        <Link href="/admin/inscriptions-scolaires" className="link">
          Retour aux inscriptions scolaires
        </Link>
      </p>
      <h1 className="page-title">
        {list.school.name} : élèves inscrits pour {schoolYear}
      </h1>
      {list.school.director ? <p>Direction : {list.school.director}</p> : null}
      <p className="print:hidden">
        <a className="btn-secondary" href={`/admin/inscriptions-scolaires/ecoles/${list.school.id}/export`} download>
          Télécharger la liste (CSV)
        </a>
      </p>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Élèves inscrits par niveau</caption>
        <thead>
          <tr className="border-b-2 border-slate-400 text-left">
            <th scope="col" className="p-2">
              Niveau
            </th>
            <th scope="col" className="p-2">
              Nom
            </th>
            <th scope="col" className="p-2">
              Prénom
            </th>
            <th scope="col" className="p-2">
              Date de naissance
            </th>
            <th scope="col" className="p-2">
              Référence
            </th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.reference} className="border-b border-slate-200">
              <td className="p-2">{isLevel(row.level) ? LEVEL_LABELS[row.level] : row.level}</td>
              <td className="p-2">{row.child.usageName.toUpperCase()}</td>
              <td className="p-2">{row.child.firstName}</td>
              <td className="p-2">{row.child.birthDate ? formatShortDate(row.child.birthDate) : ""}</td>
              <td className="p-2">{row.reference}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.rows.length === 0 ? <p>Aucun élève inscrit pour le moment.</p> : null}
    </div>
  );
}
