import type { Metadata } from "next";
import { ComingSoon } from "@/components/content/ComingSoon";

export const metadata: Metadata = { title: "S'identifier avec FranceConnect" };

export default function Page() {
  return <ComingSoon title="S'identifier avec FranceConnect">{"La connexion avec FranceConnect n'est pas encore disponible sur ce portail."}</ComingSoon>;
}
