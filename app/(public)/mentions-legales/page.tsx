import type { Metadata } from "next";
import { LegalSections } from "@/lib/content/components/LegalSections";
import { townWithOverrides } from "@/lib/platform/town/settings";

export const metadata: Metadata = { title: "Mentions légales et CGU" };

export default async function LegalPage() {
  const { legal } = await townWithOverrides();
  return (
    <div className="card mx-auto max-w-3xl">
      <h1 className="page-title mb-6">Mentions légales et conditions générales d&apos;utilisation</h1>
      <h2 className="section-title mb-4">Mentions légales</h2>
      <LegalSections sections={legal.mentionsLegales} />
      <h2 id="cgu" className="section-title mb-1 scroll-mt-4">
        Conditions générales d&apos;utilisation
      </h2>
      <p className="mb-4 text-sm text-slate-600">Version {legal.cguVersion}</p>
      <LegalSections sections={legal.cgu} />
    </div>
  );
}
