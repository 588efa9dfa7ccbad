import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { CLOSED_NOTICE_COOKIE } from "@/lib/privacy/notice";

export const metadata: Metadata = { title: "Déconnexion" };

/** Where a parent lands after signing out through FranceConnect. */
export default async function SignedOutPage({ searchParams }: { searchParams: Promise<{ franceconnect?: string }> }) {
  const { franceconnect } = await searchParams;
  const confirmed = franceconnect === "ok";
  // After closing the account, FranceConnect's logout brings the parent back here.
  const closed = (await cookies()).get(CLOSED_NOTICE_COOKIE)?.value === "1";
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-4">{closed ? "Votre compte est fermé" : "Vous êtes déconnecté"}</h1>
      {closed ? (
        <p className="mb-4">
          Votre compte a été fermé et un courriel de confirmation vous a été envoyé. Vos données personnelles ont été effacées, sauf ce que
          la Ville doit conserver.
        </p>
      ) : null}
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
