import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordForm } from "@/lib/account/components/NewPasswordForm";
import { passwordRuleText } from "@/lib/account/password-rule";
import { peekToken } from "@/lib/account/tokens";
import { town } from "@/lib/platform/town";

export const metadata: Metadata = { title: "Choisir un nouveau mot de passe" };

export default async function NewPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const token = (await searchParams).jeton ?? "";
  const status = await peekToken(token, "PASSWORD_RESET");
  return (
    <div className="card mx-auto max-w-xl">
      <h1 className="page-title mb-4">Choisir un nouveau mot de passe</h1>
      {status === "valid" ? (
        <>
          <p className="mb-6">
            Votre nouveau mot de passe remplacera l&apos;ancien et fermera les sessions ouvertes sur vos autres appareils.
          </p>
          <NewPasswordForm token={token} ruleText={passwordRuleText(town().passwordRule)} />
        </>
      ) : (
        <>
          <p className="mb-6" role="alert">
            {status === "used"
              ? "Ce lien a déjà été utilisé."
              : status === "expired"
                ? "Ce lien a expiré : il n'était valable qu'une heure."
                : "Ce lien n'est pas valable."}{" "}
            Vous pouvez demander un nouveau lien.
          </p>
          <Link href="/mot-de-passe-oublie" className="btn-primary">
            Demander un nouveau lien
          </Link>
        </>
      )}
    </div>
  );
}
