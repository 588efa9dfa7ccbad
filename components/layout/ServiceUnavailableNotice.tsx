"use client";

import { PlainLink } from "./PlainLink";
import { usePathname } from "next/navigation";

/**
 * What a parent reads when a page or an action fails on the server (most often: the database is out of reach
 * for a moment). "Réessayer" reloads the address from the server, which recovers once the database answers.
 */
export function ServiceUnavailableNotice() {
  const pathname = usePathname();
  return (
    <div className="card mx-auto max-w-2xl" role="alert">
      <h1 className="page-title mb-4">Service momentanément indisponible</h1>
      <p className="mb-2">
        L&apos;Espace Famille rencontre une difficulté passagère. Rien de ce que vous avez déjà enregistré n&apos;est perdu.
      </p>
      <p className="mb-6">Merci de réessayer dans quelques instants.</p>
      <div className="flex flex-wrap gap-3">
        {/* A full load, not a client-side navigation: the request goes through proxy.ts, which knows whether the database is back. */}
        <a href={pathname || "/"} className="btn-primary">
          Réessayer
        </a>
        <PlainLink href="/" className="btn-secondary">
          Retour à l&apos;accueil
        </PlainLink>
      </div>
    </div>
  );
}
