import Link from "next/link";
import { FranceConnectButton } from "./FranceConnectButton";
import { OrSeparator } from "./OrSeparator";

/** "Mon Espace Famille": FranceConnect first, then "ou", then identifier and password (seed, AccueilPublic). */
export function SignInBox() {
  return (
    <section aria-labelledby="connexion-titre" className="card">
      <h2 id="connexion-titre" className="section-title mb-3">
        Mon Espace Famille
      </h2>
      <p className="mb-4 text-sm text-slate-700">
        FranceConnect est la solution proposée par l&apos;État pour sécuriser et simplifier la connexion à vos services en ligne.
      </p>
      <FranceConnectButton action="/connexion/franceconnect" />
      <OrSeparator />
      <p className="mb-3 text-sm text-slate-700">J&apos;ai déjà un compte et je me connecte avec mes identifiants.</p>
      <form action="/connexion" method="get" className="flex flex-col gap-3">
        <div>
          <label htmlFor="home-identifiant" className="field-label">
            Identifiant
          </label>
          <input id="home-identifiant" name="identifiant" autoComplete="username" className="field-input" />
        </div>
        <p>
          <Link href="/mot-de-passe-oublie" className="link text-sm">
            J&apos;ai oublié mon mot de passe
          </Link>
        </p>
        <button type="submit" className="btn-primary self-start">
          Connexion
        </button>
      </form>
    </section>
  );
}
