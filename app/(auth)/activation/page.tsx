import type { Metadata } from "next";
import Link from "next/link";
import { activateAccount } from "@/lib/account/activation";
import { formalName } from "@/lib/auth/session";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Activation de votre compte personnel" };

export default async function ActivationPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const outcome = await activateAccount((await searchParams).jeton ?? "");
  if (outcome.status === "expired" || outcome.status === "invalid") {
    return (
      <div className="card mx-auto max-w-2xl">
        <h1 className="page-title mb-4">
          {outcome.status === "expired" ? "Ce lien d'activation a expiré" : "Ce lien d'activation n'est pas valable"}
        </h1>
        <p className="mb-6">
          {outcome.status === "expired"
            ? "Les liens d'activation sont valables 48 heures."
            : "Il a peut-être déjà servi, ou un lien plus récent vous a été envoyé depuis."}{" "}
          Vous pouvez recevoir un nouveau lien par courriel.
        </p>
        <Link href="/activation/nouveau-lien" className="btn-primary">
          Recevoir un nouveau lien
        </Link>
      </div>
    );
  }
  const { account } = outcome;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <section className="card">
        <h1 className="page-title mb-6">Votre compte personnel a bien été activé</h1>
        <p className="mb-4 text-lg font-semibold">{formalName(account)},</p>
        <p className="mb-4">Votre compte personnel a bien été activé, vous pouvez désormais vous connecter sur l&apos;Espace Famille.</p>
        {account.login ? (
          <p className="mb-4">
            Pour rappel, votre identifiant de connexion est : <strong>{account.login}</strong>
          </p>
        ) : null}
        <p className="mb-6">La {town().name}.</p>
        <Link href="/" className="btn-secondary">
          Retour à l&apos;accueil
        </Link>
      </section>
      <section aria-labelledby="desormais" className="card">
        <h2 id="desormais" className="section-title mb-4">
          Que puis-je faire désormais ?
        </h2>
        <p className="mb-3">Vous avez la possibilité d&apos;accéder aux démarches Enfance.</p>
        <p className="mb-3">
          Si votre famille est déjà connue de nos services (inscription en crèche municipale ou à l&apos;école publique), que vous possédez
          votre Clé Enfance mais que vous ne l&apos;avez pas encore saisie, cliquez sur « Accéder à mon Espace Famille » pour le faire.
        </p>
        <p className="mb-6">
          Si votre famille n&apos;est pas encore connue de nos services (pas d&apos;inscription en crèche municipale ou à l&apos;école
          publique), cliquez sur « Déclarer ma famille ».
        </p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href="/espace" className="btn-primary">
            Accéder à mon Espace Famille
          </Link>
          <Link href="/espace/declarer-ma-famille" className="btn-accent">
            Déclarer ma famille
          </Link>
        </div>
      </section>
    </div>
  );
}
