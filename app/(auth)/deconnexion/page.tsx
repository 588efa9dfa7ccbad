import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Déconnexion" };

/** Where a parent lands after signing out through FranceConnect. */
export default async function SignedOutPage({ searchParams }: { searchParams: Promise<{ franceconnect?: string }> }) {
  const { franceconnect } = await searchParams;
  const confirmed = franceconnect === "ok";
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-4">Vous êtes déconnecté</h1>
      {confirmed ? (
        <p role="status" className="mb-6">
          Vous êtes déconnecté de l&apos;Espace Famille et de FranceConnect.
        </p>
      ) : (
        <div role="status" className="mb-6">
          <p className="mb-2">Vous êtes déconnecté de l&apos;Espace Famille.</p>
          <p>
            La fin de votre session FranceConnect n&apos;a pas pu être confirmée. Si vous utilisez un ordinateur partagé, fermez
            complètement votre navigateur.
          </p>
        </div>
      )}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/" className="btn-primary">
          Retour à l&apos;accueil
        </Link>
        <Link href="/connexion" className="btn-secondary">
          Me reconnecter
        </Link>
      </div>
    </div>
  );
}
