import type { Metadata } from "next";
import { LegalTextsForm, TotpPolicyForm, TownContactForm } from "@/lib/town-settings/components/TownSettingsForms";
import { requireStaff } from "@/lib/staff/session";
import { saveLegalTexts, saveTotpPolicy, saveTownContact } from "@/lib/town-settings/actions";
import { agentsNeedTotp, townWithOverrides } from "@/lib/platform/town/settings";
import { formatSections } from "@/lib/platform/town/settings-schema";

export const metadata: Metadata = { title: "Coordonnées et textes légaux" };

export default async function TownSettingsPage() {
  await requireStaff({ role: "ADMINISTRATOR" });
  const current = await townWithOverrides();
  return (
    <>
      <h1 className="page-title mb-2">Coordonnées et textes légaux</h1>
      <p className="mb-6 text-slate-700">
        Ce que vous enregistrez ici remplace la configuration de la commune sur les pages publiques du portail.
      </p>
      <div className="flex flex-col gap-6">
        <section aria-labelledby="contact-titre" className="card">
          <h2 id="contact-titre" className="section-title mb-4">
            Coordonnées du service (page Contacts)
          </h2>
          <TownContactForm action={saveTownContact} contact={current.contact} />
        </section>
        <section aria-labelledby="legal-titre" className="card">
          <h2 id="legal-titre" className="section-title mb-4">
            Mentions légales et CGU
          </h2>
          <LegalTextsForm
            action={saveLegalTexts}
            values={{
              mentionsLegales: formatSections(current.legal.mentionsLegales),
              cgu: formatSections(current.legal.cgu),
              cguVersion: current.legal.cguVersion,
            }}
          />
        </section>
        <section aria-labelledby="securite-titre" className="card">
          <h2 id="securite-titre" className="section-title mb-4">
            Sécurité des comptes agents
          </h2>
          <TotpPolicyForm action={saveTotpPolicy} agentsNeedTotp={await agentsNeedTotp()} />
        </section>
      </div>
    </>
  );
}
