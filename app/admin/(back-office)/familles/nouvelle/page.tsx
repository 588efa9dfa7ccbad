import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/ActionForm";
import { KnownFamilyFields } from "@/lib/dossier/components/KnownFamilyFields";
import { createKnownFamilyAction } from "@/lib/dossier/actions";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Nouvelle famille connue" };

export default async function NewKnownFamilyPage() {
  await requireStaff();
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/familles" className="link text-sm">
          Retour aux familles
        </Link>
      </p>
      <h1 className="page-title mb-2">Nouvelle famille connue</h1>
      <p className="mb-6 text-slate-700">
        Le dossier reçoit un numéro (F-année-numéro) et l&apos;état « connue » ; vous émettrez ensuite sa Clé Enfance. Le reste du dossier
        sera complété par la famille.
      </p>
      <div className="card">
        <ActionForm action={createKnownFamilyAction} submitLabel="Créer le dossier">
          <KnownFamilyFields />
        </ActionForm>
      </div>
    </>
  );
}
