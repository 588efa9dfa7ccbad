import type { Metadata } from "next";
import { IdentifierRequestForm } from "@/lib/account/components/IdentifierRequestForm";
import { requestPasswordResetAction } from "@/lib/account/actions";

export const metadata: Metadata = { title: "J'ai oublié mon mot de passe" };

export default function ForgottenPasswordPage() {
  return (
    <div className="card mx-auto max-w-xl">
      <h1 className="page-title mb-4">J&apos;ai oublié mon mot de passe</h1>
      <p className="mb-6">
        Saisissez votre identifiant ou l&apos;adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot
        de passe.
      </p>
      <IdentifierRequestForm action={requestPasswordResetAction} submitLabel="Recevoir un lien" />
    </div>
  );
}
