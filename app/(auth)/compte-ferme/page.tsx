import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Compte fermé" };

/** Where a parent lands after closing their account (already signed out). */
export default function ClosedAccountPage() {
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-4">Votre compte est fermé</h1>
      <div role="status" className="mb-6 flex flex-col gap-2">
        <p>Votre compte a été fermé et vous êtes déconnecté. Un courriel de confirmation vous a été envoyé.</p>
        <p>
          Vos données personnelles ont été effacées, sauf ce que la Ville doit conserver (dossier familial validé, démarches décidées,
          factures). Vous pouvez créer un nouveau compte à tout moment.
        </p>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/" className="btn-primary">
          Retour à l&apos;accueil
        </Link>
        <Link href="/creer-mon-espace" className="btn-secondary">
          Créer mon espace
        </Link>
      </div>
    </div>
  );
}
