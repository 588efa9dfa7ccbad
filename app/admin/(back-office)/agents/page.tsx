import type { Metadata } from "next";
import Link from "next/link";
import { NewStaffForm } from "@/lib/staff/components/StaffAccountForms";
import { formatShortDate } from "@/lib/platform/format";
import { createStaffAccount } from "@/lib/staff/actions";
import { listStaff } from "@/lib/staff/accounts";
import { STAFF_ROLE_LABELS } from "@/lib/platform/security/roles";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Comptes agents" };

export default async function StaffAccountsPage() {
  const staff = await listStaff(await staffCaller("ADMINISTRATOR"));
  return (
    <>
      <h1 className="page-title mb-6">Comptes agents</h1>
      <div className="card mb-6 overflow-x-auto p-0">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Comptes des agents et administrateurs</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-3">
                Nom
              </th>
              <th scope="col" className="p-3">
                Identifiant
              </th>
              <th scope="col" className="p-3">
                Rôle
              </th>
              <th scope="col" className="p-3">
                Double authentification
              </th>
              <th scope="col" className="p-3">
                État
              </th>
              <th scope="col" className="p-3">
                Dernière connexion
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className="border-b border-slate-200">
                <td className="p-3">
                  <Link href={`/admin/agents/${member.id}`} className="link font-semibold">
                    {member.displayName}
                  </Link>
                </td>
                <td className="p-3 font-mono">{member.login}</td>
                <td className="p-3">{STAFF_ROLE_LABELS[member.role]}</td>
                <td className="p-3">{member.totpEnabledAt ? "Activée" : "Non activée"}</td>
                <td className="p-3">
                  {member.active ? (member.passwordChangeRequired ? "Actif (mot de passe provisoire)" : "Actif") : "Désactivé"}
                </td>
                <td className="p-3">{member.lastLoginAt ? formatShortDate(member.lastLoginAt) : "Jamais"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="nouveau-compte" className="card">
        <h2 id="nouveau-compte" className="section-title mb-2">
          Nouveau compte
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          Un mot de passe provisoire est créé et affiché une seule fois ; la personne le remplace à sa première connexion. Les
          administrateurs activent aussi la double authentification.
        </p>
        <NewStaffForm action={createStaffAccount} />
      </section>
    </>
  );
}
