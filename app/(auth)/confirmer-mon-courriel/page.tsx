import type { Metadata } from "next";
import Link from "next/link";
import { confirmEmailChange } from "@/lib/account/email-change";

export const metadata: Metadata = { title: "Confirmation de votre adresse électronique" };

/** The link mailed to a new address: following it makes it the account's address. */
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const outcome = await confirmEmailChange((await searchParams).jeton ?? "");
  if (outcome.status !== "confirmed") {
    return (
      <div className="card mx-auto max-w-2xl">
        <h1 className="page-title mb-4">
          {outcome.status === "expired" ? "Ce lien de confirmation a expiré" : "Ce lien de confirmation n'est pas valable"}
        </h1>
        <p className="mb-6">
          {outcome.status === "expired"
            ? "Les liens de confirmation sont valables 48 heures."
            : "Il a peut-être déjà servi, ou un lien plus récent vous a été envoyé depuis."}{" "}
          Votre adresse électronique précédente reste utilisée.
        </p>
        <Link href="/espace" className="btn-primary">
          Accéder à mon Espace Famille
        </Link>
      </div>
    );
  }
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-4">Votre adresse électronique est confirmée</h1>
      <p className="mb-6">
        Les messages de l&apos;Espace Famille vous seront désormais envoyés à l&apos;adresse <strong>{outcome.email}</strong>.
      </p>
      <Link href="/espace" className="btn-primary">
        Accéder à mon Espace Famille
      </Link>
    </div>
  );
}
