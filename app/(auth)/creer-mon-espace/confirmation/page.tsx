import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { formalName } from "@/lib/auth/session";
import { findPendingAccountSummary } from "@/lib/account/queries";
import { verifySignedValue } from "@/lib/platform/security/signed-value";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Confirmation de création de votre compte personnel" };

export default async function SignupConfirmationPage() {
  const accountId = verifySignedValue("signup-done", (await cookies()).get("ef_inscription_faite")?.value);
  const account = accountId ? await findPendingAccountSummary(accountId) : null;
  if (!account) redirect("/");
  return (
    <div className="card mx-auto max-w-2xl">
      <h1 className="page-title mb-6">Confirmation de création de votre compte personnel</h1>
      <p className="mb-4 text-lg font-semibold">{formalName(account)},</p>
      <p className="mb-4">Vous avez demandé la création de votre compte personnel sur l&apos;Espace Famille.</p>
      <p className="mb-4">
        D&apos;ici quelques minutes vous recevrez un mail de confirmation à l&apos;adresse suivante : <strong>{account.email}</strong>
      </p>
      <p className="mb-4">Pour activer votre compte, merci de bien vouloir suivre les instructions de ce mail.</p>
      <p className="mb-6">La {town().name}</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/" className="btn-primary">
          Retour à l&apos;accueil
        </Link>
        <Link href="/activation/nouveau-lien" className="btn-secondary">
          Je n&apos;ai pas reçu le courriel
        </Link>
      </div>
    </div>
  );
}
