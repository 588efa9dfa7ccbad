import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FranceConnectSignIn } from "@/lib/auth/components/FranceConnectSignIn";
import { SignInForm } from "@/lib/auth/components/SignInForm";
import { currentParent } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Connexion" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ retour?: string; "mot-de-passe"?: string }> }) {
  const { retour, "mot-de-passe": passwordChanged } = await searchParams;
  const returnTo = safeReturnPath(retour, "/espace");
  if (await currentParent()) redirect(returnTo);
  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-2">
      <section aria-labelledby="connexion-titre" className="card">
        <h1 id="connexion-titre" className="page-title mb-4">
          Connexion
        </h1>
        {passwordChanged === "change" ? (
          <p role="status" className="mb-4 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
            Votre mot de passe a été modifié : connectez-vous avec votre nouveau mot de passe.
          </p>
        ) : null}
        <FranceConnectSignIn returnTo={returnTo} />
        <p className="mb-3 text-sm text-slate-700">J&apos;ai déjà un compte et je me connecte avec mes identifiants.</p>
        <SignInForm returnTo={returnTo} />
      </section>
      <section aria-labelledby="pas-de-compte" className="card">
        <h2 id="pas-de-compte" className="section-title mb-3">
          Je n&apos;ai pas d&apos;espace
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          Créez votre compte personnel : il vous permettra ensuite de déclarer votre famille et de faire vos démarches en ligne.
        </p>
        <Link href="/creer-mon-espace" className="btn-accent">
          Créer mon espace
        </Link>
      </section>
    </div>
  );
}
