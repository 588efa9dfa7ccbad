import type { Metadata } from "next";
import Link from "next/link";
import { FranceConnectButton } from "@/lib/franceconnect/components/FranceConnectButton";
import { requireParent } from "@/lib/auth/session";
import { formatLongDate } from "@/lib/platform/format";
import { franceConnectStatus } from "@/lib/franceconnect/accounts";
import { startFranceConnectLink, unlinkFranceConnectAction } from "@/lib/auth/franceconnect-actions";
import { isFranceConnectEnabled, MANAGE_PATH } from "@/lib/franceconnect/config";

export const metadata: Metadata = { title: "Connexion avec FranceConnect" };

/** Link FranceConnect to the account (after signing in with the password), or unlink it while a password remains. */
export default async function FranceConnectSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ associee?: string; dissociee?: string }>;
}) {
  const parent = await requireParent(MANAGE_PATH);
  const search = await searchParams;
  const status = await franceConnectStatus(parent.id);
  const enabled = isFranceConnectEnabled();
  return (
    <div className="flex flex-col gap-6">
      <h1 className="page-title">Connexion avec FranceConnect</h1>
      {search.associee && status.linkedAt ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          FranceConnect est associé à votre compte : vous pouvez désormais vous connecter avec FranceConnect.
        </p>
      ) : null}
      {search.dissociee && !status.linkedAt ? (
        <p role="status" className="rounded-md border-2 border-green-700 bg-green-50 p-4 font-medium text-green-900">
          FranceConnect n&apos;est plus associé à votre compte : connectez-vous désormais avec votre identifiant et votre mot de passe.
        </p>
      ) : null}
      <section aria-labelledby="etat-titre" className="card">
        <h2 id="etat-titre" className="section-title mb-3">
          {status.linkedAt ? "FranceConnect est associé à votre compte" : "FranceConnect n'est pas associé à votre compte"}
        </h2>
        {status.linkedAt ? (
          <>
            <p className="mb-2">Associé le {formatLongDate(status.linkedAt)}.</p>
            {status.lastLoginAt ? (
              <p className="mb-4">Dernière connexion avec FranceConnect le {formatLongDate(status.lastLoginAt)}.</p>
            ) : null}
            {status.hasPassword ? (
              <>
                <p className="mb-4">
                  Si vous dissociez FranceConnect, vous vous connecterez uniquement avec votre identifiant et votre mot de passe.
                </p>
                <form action={unlinkFranceConnectAction}>
                  <button type="submit" className="btn-danger">
                    Dissocier FranceConnect de mon compte
                  </button>
                </form>
              </>
            ) : (
              <p>
                Vous vous connectez uniquement avec FranceConnect : votre compte n&apos;a ni identifiant ni mot de passe. FranceConnect ne
                peut donc pas en être dissocié.
              </p>
            )}
          </>
        ) : enabled ? (
          <>
            <p className="mb-4">
              Associez FranceConnect à votre compte pour vous connecter avec l&apos;un de vos comptes existants (impots.gouv.fr, ameli.fr,
              l&apos;Identité Numérique La Poste…). Votre identifiant et votre mot de passe restent valables.
            </p>
            <FranceConnectButton action={startFranceConnectLink} />
          </>
        ) : (
          <p>La connexion avec FranceConnect n&apos;est pas proposée sur ce portail.</p>
        )}
      </section>
      <p>
        <Link href="/espace" className="link">
          Retour à mon accueil
        </Link>
      </p>
    </div>
  );
}
