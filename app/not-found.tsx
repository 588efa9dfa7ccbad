import Link from "next/link";
import { PortalShell } from "@/components/layout/PortalShell";

export default function NotFound() {
  return (
    <PortalShell>
      <div className="card mx-auto max-w-2xl">
        <h1 className="page-title mb-4">Page introuvable</h1>
        <p className="mb-6">La page demandée n&apos;existe pas ou n&apos;est plus disponible.</p>
        <Link href="/" className="btn-primary">
          Retour à l&apos;accueil
        </Link>
      </div>
    </PortalShell>
  );
}
