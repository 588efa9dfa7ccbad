import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/ActionForm";
import { Notice } from "@/components/layout/StatusBadge";
import { issueChildKeyAction, revokeChildKeysAction } from "@/lib/dossier/actions";
import { getFamilyForStaff } from "@/lib/dossier/service";
import { formatLongDate, formatShortDate } from "@/lib/platform/format";
import { staffCaller } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Dossier famille" };

const roleLabels = {
  HOLDER: "Représentant (titulaire)",
  CO_REPRESENTATIVE: "Co-représentant",
  CHILD: "Enfant",
  CONTACT: "Contact",
} as const;
const statusLabels = { KNOWN: "Connue, en attente de la Clé Enfance", ACTIVE: "Active", ARCHIVED: "Archivée" } as const;

export default async function FamilyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cree?: string; revoquee?: string }>;
}) {
  const family = await getFamilyForStaff(await staffCaller(), (await params).id);
  if (!family) notFound();
  const activeKey = family.childKeys.find((key) => !key.revokedAt);
  const notice = await searchParams;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/familles" className="link text-sm">
          Retour aux familles
        </Link>
      </p>
      <h1 className="page-title mb-2">Dossier {family.dossierNumber}</h1>
      <p className="mb-6 text-sm text-slate-700">
        {statusLabels[family.status]} – créé le {formatLongDate(family.createdAt)}
        {family.createdBy ? ` par ${family.createdBy.displayName}` : ""}
      </p>
      {notice.cree ? <Notice>Le dossier {family.dossierNumber} est créé : émettez maintenant sa Clé Enfance.</Notice> : null}
      {notice.revoquee && !activeKey ? (
        <Notice>La Clé Enfance est révoquée : elle ne permet plus de relier un compte à ce dossier.</Notice>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="membres-titre" className="card">
          <h2 id="membres-titre" className="section-title mb-4">
            Membres
          </h2>
          <ul className="flex flex-col gap-2">
            {family.members.map((member) => (
              <li key={member.id}>
                <span className="font-semibold">
                  {member.civility ? (member.civility === "MADAME" ? "Mme " : "M. ") : ""}
                  {member.firstName} {member.usageName.toUpperCase()}
                </span>{" "}
                <span className="text-sm text-slate-700">
                  – {roleLabels[member.role]}
                  {member.birthDate ? `, né(e) le ${formatShortDate(member.birthDate)}` : ""}
                </span>
                {member.role === "CHILD" ? (
                  <>
                    {" "}
                    <Link href={`/admin/enfants/${member.id}`} className="link text-sm">
                      Fiche sanitaire<span className="sr-only"> de {member.firstName}</span>
                    </Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <h3 className="mb-2 mt-6 font-bold">Comptes reliés</h3>
          {family.accounts.length ? (
            <ul>
              {family.accounts.map((account) => (
                <li key={account.id}>
                  {account.firstNames} {account.usageName.toUpperCase()}{" "}
                  <span className="font-mono text-sm">({account.login ?? "FranceConnect"})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">Aucun compte n&apos;est encore relié à ce dossier.</p>
          )}
        </section>
        <section aria-labelledby="cle-titre" className="card">
          <h2 id="cle-titre" className="section-title mb-4">
            Clé Enfance
          </h2>
          <p className="mb-4 text-sm text-slate-700">
            {activeKey
              ? `Clé en cours : se terminant par ${activeKey.hint}, émise le ${formatShortDate(activeKey.issuedAt)}${activeKey.usedAt ? `, utilisée le ${formatShortDate(activeKey.usedAt)}` : ", pas encore utilisée"}. La clé elle-même n'est pas conservée : pour une nouvelle lettre, émettez une nouvelle clé.`
              : "Aucune clé en cours de validité."}
          </p>
          <ActionForm
            action={issueChildKeyAction.bind(null, family.id)}
            submitLabel={activeKey ? "Émettre une nouvelle clé (révoque l'actuelle)" : "Émettre la Clé Enfance"}
          />
          {activeKey ? (
            <div className="mt-6 border-t border-slate-200 pt-4">
              <ActionForm
                action={revokeChildKeysAction.bind(null, family.id)}
                submitLabel="Révoquer la clé"
                submitClassName="btn-danger self-start"
              />
            </div>
          ) : null}
          {family.childKeys.length ? (
            <>
              <h3 className="mb-2 mt-6 font-bold">Historique des clés</h3>
              <ul className="text-sm">
                {family.childKeys.map((key) => (
                  <li key={key.id}>
                    …{key.hint} : émise le {formatShortDate(key.issuedAt)}
                    {key.issuedBy ? ` par ${key.issuedBy.displayName}` : ""}
                    {key.revokedAt ? `, révoquée le ${formatShortDate(key.revokedAt)}` : ""}
                    {key.usedAt ? `, utilisée le ${formatShortDate(key.usedAt)}` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}
