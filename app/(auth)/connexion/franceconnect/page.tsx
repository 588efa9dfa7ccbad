import type { Metadata } from "next";
import Link from "next/link";
import { FranceConnectSignIn } from "@/lib/auth/components/FranceConnectSignIn";
import { currentParent } from "@/lib/auth/session";
import { isFranceConnectEnabled, MANAGE_PATH } from "@/lib/franceconnect/config";
import { failureMessages, parseFailureReason } from "@/lib/franceconnect/failures";

type Props = { searchParams: Promise<{ erreur?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const reason = parseFailureReason((await searchParams).erreur);
  return { title: reason ? "La connexion avec FranceConnect n'a pas abouti" : "S'identifier avec FranceConnect" };
}

/**
 * Where every failed FranceConnect sign-in lands: what happened, then the way to try again or to use the
 * identifier and password. Also the page the button leads to when FranceConnect is not offered.
 */
export default async function FranceConnectPage({ searchParams }: Props) {
  const reason = parseFailureReason((await searchParams).erreur);
  if (!isFranceConnectEnabled()) {
    return (
      <div className="card mx-auto max-w-2xl">
        <h1 className="page-title mb-4">S&apos;identifier avec FranceConnect</h1>
        <p className="mb-6">
          La connexion avec FranceConnect n&apos;est pas proposée sur ce portail : connectez-vous avec votre identifiant et votre mot de
          passe.
        </p>
        <Link href="/connexion" className="btn-primary">
          Me connecter avec mon identifiant
        </Link>
      </div>
    );
  }
  const parent = await currentParent();
  const message = reason ? failureMessages[reason] : null;
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-4">{message ? message.title : "S'identifier avec FranceConnect"}</h1>
      {message ? (
        <>
          <p className="mb-2">{message.explanation}</p>
          <p className="mb-6 font-semibold">Aucun compte n&apos;a été créé ni modifié.</p>
          <h2 className="section-title mb-3">Que souhaitez-vous faire ?</h2>
        </>
      ) : (
        <p className="mb-6 text-sm text-slate-700">
          FranceConnect est la solution proposée par l&apos;État pour sécuriser et simplifier la connexion à vos services en ligne.
        </p>
      )}
      {parent ? (
        <p>
          <Link href={MANAGE_PATH} className="btn-primary">
            Revenir à la connexion avec FranceConnect de mon espace
          </Link>
        </p>
      ) : (
        <>
          {message ? <p className="mb-3">Réessayer avec FranceConnect :</p> : null}
          <FranceConnectSignIn />
          <p className="mb-3">Se connecter avec son identifiant et son mot de passe :</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Link href="/connexion" className="btn-secondary">
              Me connecter avec mon identifiant
            </Link>
            <Link href="/creer-mon-espace" className="btn-secondary">
              Créer mon espace
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
