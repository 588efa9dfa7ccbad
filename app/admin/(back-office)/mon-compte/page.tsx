import type { Metadata } from "next";
import { MyPasswordForm } from "@/lib/staff/components/StaffAccountForms";
import { changeMyPassword } from "@/lib/staff/actions";
import { STAFF_PASSWORD_RULE_TEXT } from "@/lib/staff/passwords";
import { STAFF_ROLE_LABELS } from "@/lib/platform/security/roles";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Mon compte" };

export default async function MyStaffAccountPage() {
  const me = await requireStaff();
  return (
    <>
      <h1 className="page-title mb-4">Mon compte</h1>
      <dl className="card mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Nom</dt>
        <dd>{me.displayName}</dd>
        <dt className="font-semibold">Identifiant</dt>
        <dd className="font-mono">{me.login}</dd>
        <dt className="font-semibold">Rôle</dt>
        <dd>{STAFF_ROLE_LABELS[me.role]}</dd>
        <dt className="font-semibold">Double authentification</dt>
        <dd>{me.totpEnabled ? "Activée" : "Non activée (un administrateur peut l'exiger pour les agents)"}</dd>
      </dl>
      <section aria-labelledby="mdp-titre" className="card max-w-xl">
        <h2 id="mdp-titre" className="section-title mb-2">
          Changer mon mot de passe
        </h2>
        <p className="mb-4 text-sm text-slate-700">Vous serez ensuite déconnecté de toutes vos sessions, y compris celle-ci.</p>
        <MyPasswordForm action={changeMyPassword} rule={STAFF_PASSWORD_RULE_TEXT} />
      </section>
    </>
  );
}
