import { FranceConnectSignIn } from "@/lib/auth/components/FranceConnectSignIn";
import { SignInForm } from "./SignInForm";

/** "Mon Espace Famille": FranceConnect first, then "ou", then identifier and password (the Carbon-Blanc guide's public home). */
export function SignInBox() {
  return (
    <section aria-labelledby="connexion-titre" className="card">
      <h2 id="connexion-titre" className="section-title mb-3">
        Mon Espace Famille
      </h2>
      <FranceConnectSignIn
        intro={
          <p className="mb-4 text-sm text-slate-700">
            FranceConnect est la solution proposée par l&apos;État pour sécuriser et simplifier la connexion à vos services en ligne.
          </p>
        }
      />
      <p className="mb-3 text-sm text-slate-700">J&apos;ai déjà un compte et je me connecte avec mes identifiants.</p>
      <SignInForm compact />
    </section>
  );
}
