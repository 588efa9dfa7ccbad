import type { Metadata } from "next";
import { ComingSoon } from "@/components/content/ComingSoon";

export const metadata: Metadata = { title: "Connexion" };

export default function Page() {
  return <ComingSoon title="Connexion">{"La connexion avec identifiant et mot de passe arrive avec la création de compte."}</ComingSoon>;
}
