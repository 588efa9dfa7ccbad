import type { Metadata } from "next";
import { StaffCodeForm } from "@/lib/staff/components/StaffSignInForms";
import { pendingFor } from "@/lib/staff/sign-in-step-guard";

export const metadata: Metadata = { title: "Code de vérification – Espace agents" };

export default async function StaffCodePage() {
  await pendingFor("code");
  return (
    <section aria-labelledby="code-titre" className="card">
      <h1 id="code-titre" className="page-title mb-2">
        Code de vérification
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        Ouvrez votre application d&apos;authentification et saisissez le code à 6 chiffres de l&apos;Espace Famille.
      </p>
      <StaffCodeForm />
    </section>
  );
}
