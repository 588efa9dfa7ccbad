"use client";

import Link from "next/link";

export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-2xl" role="alert">
      <h1 className="page-title mb-4">Service momentanément indisponible</h1>
      <p className="mb-6">L&apos;Espace Famille rencontre une difficulté passagère. Merci de réessayer dans quelques instants.</p>
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="btn-primary">
          Réessayer
        </button>
        <Link href="/" className="btn-secondary">
          Retour à l&apos;accueil
        </Link>
      </div>
    </div>
  );
}
