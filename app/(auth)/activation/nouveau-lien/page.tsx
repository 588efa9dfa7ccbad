import type { Metadata } from "next";
import { IdentifierRequestForm } from "@/lib/account/components/IdentifierRequestForm";
import { requestActivationLinkAction } from "@/lib/account/actions";

export const metadata: Metadata = { title: "Recevoir un nouveau lien d'activation" };

export default function NewActivationLinkPage() {
  return (
    <div className="card mx-auto max-w-xl">
      <h1 className="page-title mb-4">Recevoir un nouveau lien d&apos;activation</h1>
      <p className="mb-6">Saisissez l&apos;identifiant ou l&apos;adresse électronique choisis lors de la création de votre compte.</p>
      <IdentifierRequestForm action={requestActivationLinkAction} submitLabel="Recevoir un nouveau lien" />
    </div>
  );
}
