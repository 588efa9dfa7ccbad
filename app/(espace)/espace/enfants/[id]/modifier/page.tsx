import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireParent } from "@/lib/auth/session";
import { ChildFileForm } from "@/lib/child-file/components/ChildFileForm";
import { formContext } from "@/lib/child-file/parent-page";
import { formValuesOf } from "@/lib/child-file/schemas";
import { parentFileView } from "@/lib/child-file/service";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Modifier la fiche de mon enfant" };

export default async function EditChildFilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const parent = await requireParent(`/espace/enfants/${id}/modifier`);
  const view = await parentFileView(parent.id, id);
  if (!view) notFound();
  const context = await formContext(view.child.familyId, view.child.id);
  const defaults = formValuesOf(view.file?.content ?? null, view.file?.version ?? 0, town().childFile.authorisations);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href={`/espace/enfants/${view.child.id}`} className="link text-sm">
          Retour à la fiche
        </Link>
      </p>
      <h1 className="page-title">
        {view.file ? "Modifier" : "Remplir"} la fiche de {view.child.firstName}
      </h1>
      <p className="text-sm">
        Les champs marqués d&apos;un <span className="text-red-700">*</span> sont obligatoires. Les informations de santé ne sont visibles
        que par vous, l&apos;autre parent et les agents habilités de la ville.
      </p>
      <ChildFileForm childId={view.child.id} childName={view.child.firstName} defaults={defaults} {...context} />
    </div>
  );
}
