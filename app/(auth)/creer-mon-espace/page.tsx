import type { Metadata } from "next";
import { SignupStepPage } from "@/components/signup/SignupStepPage";

export const metadata: Metadata = { title: "Création de mon compte personnel – Bienvenue" };

export default function WelcomePage() {
  return <SignupStepPage step="bienvenue" />;
}
