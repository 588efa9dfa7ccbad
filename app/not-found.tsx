import Link from "next/link";
import { connection } from "next/server";
import { PortalShell } from "@/components/layout/PortalShell";

/**
 * Rendered per request: an unknown address has no prerendered page of its own, so the proxy gives it a
 * nonce CSP, which the scripts of a prerendered "not found" page would not carry.
 */
export default async function NotFound() {
  await connection();
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
