import type { Metadata } from "next";
import { ComingSoon } from "@/components/content/ComingSoon";

export const metadata: Metadata = { title: "J'ai oublié mon mot de passe" };

export default function Page() {
  return <ComingSoon title="J'ai oublié mon mot de passe">{"La réinitialisation du mot de passe arrive avec la création de compte."}</ComingSoon>;
}
