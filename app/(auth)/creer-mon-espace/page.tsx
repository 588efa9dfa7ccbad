import type { Metadata } from "next";
import { ComingSoon } from "@/components/content/ComingSoon";

export const metadata: Metadata = { title: "Création de mon compte personnel" };

export default function Page() {
  return <ComingSoon title="Création de mon compte personnel">{"La création de compte en ligne n'est pas encore disponible."}</ComingSoon>;
}
