import type { Metadata } from "next";
import { StaffNewPasswordForm } from "@/lib/staff/components/StaffSignInForms";
import { STAFF_PASSWORD_RULE_TEXT } from "@/lib/staff/passwords";
import { pendingFor } from "@/lib/staff/sign-in-step-guard";

export const metadata: Metadata = { title: "Nouveau mot de passe – Espace agents" };

export default async function StaffNewPasswordPage() {
  await pendingFor("nouveau-mot-de-passe");
  return (
    <section aria-labelledby="mdp-titre" className="card">
      <h1 id="mdp-titre" className="page-title mb-2">
        Choisissez votre mot de passe
      </h1>
      <p className="mb-4 text-sm text-slate-700">
        Vous vous êtes connecté avec un mot de passe provisoire : remplacez-le par un mot de passe que vous seul connaissez.
      </p>
      <StaffNewPasswordForm rule={STAFF_PASSWORD_RULE_TEXT} />
    </section>
  );
}
