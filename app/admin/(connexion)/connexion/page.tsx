import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StaffPasswordForm } from "@/lib/staff/components/StaffSignInForms";
import { currentStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Connexion à l'espace agents" };

export default async function StaffSignInPage({ searchParams }: { searchParams: Promise<{ expire?: string; "mot-de-passe"?: string }> }) {
  if (await currentStaff()) redirect("/admin");
  const { expire, "mot-de-passe": passwordChanged } = await searchParams;
  return (
    <section aria-labelledby="connexion-agents" className="card">
      <h1 id="connexion-agents" className="page-title mb-2">
        Connexion à l&apos;espace agents
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        Réservé aux agents et administrateurs de la commune. Les familles se connectent depuis la page d&apos;accueil du portail.
      </p>
      {expire ? (
        <p role="status" className="mb-4 rounded-md border-2 border-amber-600 bg-amber-50 p-3 font-medium text-slate-900">
          Votre connexion a expiré : saisissez de nouveau votre identifiant et votre mot de passe.
        </p>
      ) : null}
      {passwordChanged === "change" ? (
        <p role="status" className="mb-4 rounded-md border-2 border-green-700 bg-green-50 p-3 font-medium text-green-900">
          Votre mot de passe a été modifié : connectez-vous avec votre nouveau mot de passe.
        </p>
      ) : null}
      <StaffPasswordForm />
    </section>
  );
}
