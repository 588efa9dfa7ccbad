import type { Metadata } from "next";
import { ComingSoon } from "@/components/content/ComingSoon";

export const metadata: Metadata = { title: "Déclarer ma famille" };

export default function DeclareFamilyPage() {
  return <ComingSoon title="Déclarer ma famille">{"La déclaration de la famille en ligne arrive prochainement sur ce portail."}</ComingSoon>;
}
