import type { Metadata } from "next";
import Link from "next/link";
import { cancelDeclarationAction } from "@/lib/declaration/actions";
import { requireParent } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Annuler la démarche" };

export default async function CancelDeclarationPage() {
  await requireParent("/espace/declarer-ma-famille/annuler");
  return (
    <div className="card mx-auto max-w-xl">
      <h1 className="page-title mb-4">Annuler la démarche</h1>
      <p className="mb-6">
        Voulez-vous vraiment annuler votre déclaration ? Les personnes saisies seront effacées. Les documents restent dans votre espace de
        stockage.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <form action={cancelDeclarationAction}>
          <button type="submit" className="btn-danger w-full sm:w-auto">
            Oui, annuler la démarche
          </button>
        </form>
        <Link href="/espace/declarer-ma-famille" className="btn-secondary">
          Non, reprendre ma déclaration
        </Link>
      </div>
    </div>
  );
}
