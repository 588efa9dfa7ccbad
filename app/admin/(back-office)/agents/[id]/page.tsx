import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { RoleForm } from "@/lib/staff/components/StaffAccountForms";
import { formatLongDate } from "@/lib/platform/format";
import {
  resetStaffAccountPassword,
  resetStaffAccountTotp,
  toggleHealthDataAccess,
  toggleStaffActive,
  updateStaffRole,
} from "@/lib/staff/actions";
import { getStaffForAdmin } from "@/lib/staff/accounts";
import { STAFF_ROLE_LABELS } from "@/lib/platform/security/roles";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Compte agent" };

export default async function StaffAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaff({ role: "ADMINISTRATOR" });
  const member = await getStaffForAdmin({ kind: "staff", id: me.id }, (await params).id);
  if (!member) notFound();
  const self = member.id === me.id;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/agents" className="link text-sm">
          Retour aux comptes agents
        </Link>
      </p>
      <h1 className="page-title mb-4">{member.displayName}</h1>
      <dl className="card mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Identifiant</dt>
        <dd className="font-mono">{member.login}</dd>
        <dt className="font-semibold">Courriel</dt>
        <dd>{member.email}</dd>
        <dt className="font-semibold">Rôle</dt>
        <dd>{STAFF_ROLE_LABELS[member.role]}</dd>
        <dt className="font-semibold">État</dt>
        <dd>{member.active ? "Actif" : "Désactivé"}</dd>
        <dt className="font-semibold">Double authentification</dt>
        <dd>{member.totpEnabledAt ? `Activée le ${formatLongDate(member.totpEnabledAt)}` : "Non activée"}</dd>
        <dt className="font-semibold">Dernière connexion</dt>
        <dd>{member.lastLoginAt ? formatLongDate(member.lastLoginAt) : "Jamais"}</dd>
      </dl>
      {self ? <p className="mb-6">C&apos;est votre compte : un autre administrateur peut changer son rôle ou le désactiver.</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {self ? null : (
          <section aria-labelledby="role-titre" className="card">
            <h2 id="role-titre" className="section-title mb-4">
              Rôle
            </h2>
            <RoleForm action={updateStaffRole.bind(null, member.id)} role={member.role} />
          </section>
        )}
        <section aria-labelledby="sante-titre" className="card">
          <h2 id="sante-titre" className="section-title mb-2">
            Données de santé des enfants
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            {member.healthDataAccess
              ? "Ce compte peut lire les fiches sanitaires (PAI, allergies, traitements) : chaque lecture est inscrite au journal."
              : "Ce compte ne peut pas lire les fiches sanitaires. Accordez cet accès aux seuls agents qui en ont besoin (restauration, direction des accueils)."}
          </p>
          <ActionForm
            action={toggleHealthDataAccess.bind(null, member.id, !member.healthDataAccess)}
            submitLabel={member.healthDataAccess ? "Retirer l'accès aux données de santé" : "Accorder l'accès aux données de santé"}
            submitClassName="btn-secondary self-start"
          />
        </section>
        <section aria-labelledby="mdp-titre" className="card">
          <h2 id="mdp-titre" className="section-title mb-2">
            Mot de passe
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            Un nouveau mot de passe provisoire, affiché une seule fois, à remplacer à la prochaine connexion.
          </p>
          <ActionForm
            action={resetStaffAccountPassword.bind(null, member.id)}
            submitLabel="Réinitialiser le mot de passe"
            submitClassName="btn-secondary self-start"
          />
        </section>
        <section aria-labelledby="totp-titre" className="card">
          <h2 id="totp-titre" className="section-title mb-2">
            Double authentification
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            Téléphone perdu ou changé : la personne enregistrera une nouvelle application à sa prochaine connexion.
          </p>
          <ActionForm
            action={resetStaffAccountTotp.bind(null, member.id)}
            submitLabel="Réinitialiser la double authentification"
            submitClassName="btn-secondary self-start"
          />
        </section>
        {self ? null : (
          <section aria-labelledby="etat-titre" className="card">
            <h2 id="etat-titre" className="section-title mb-2">
              {member.active ? "Désactivation" : "Réactivation"}
            </h2>
            <p className="mb-4 text-sm text-slate-700">
              {member.active
                ? "Le compte ne peut plus se connecter ; ses sessions en cours sont terminées. Son historique reste au journal."
                : "Le compte peut de nouveau se connecter."}
            </p>
            <ActionForm
              action={toggleStaffActive.bind(null, member.id, !member.active)}
              submitLabel={member.active ? "Désactiver le compte" : "Réactiver le compte"}
              submitClassName={member.active ? "btn-danger self-start" : "btn-primary self-start"}
            />
          </section>
        )}
      </div>
    </>
  );
}
