import type { Metadata } from "next";
import { SignupStep } from "@/lib/account/components/SignupStep";

export const metadata: Metadata = { title: "Création de mon compte personnel – Bienvenue" };

export default function WelcomePage() {
  return <SignupStep step="bienvenue" />;
}
