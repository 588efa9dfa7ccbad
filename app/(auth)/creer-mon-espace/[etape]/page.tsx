import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SignupStep } from "@/lib/account/components/SignupStep";
import { SIGNUP_STEPS, type SignupStepSlug } from "@/lib/account/schemas";

type Props = { params: Promise<{ etape: string }> };

const findStep = (slug: string) => SIGNUP_STEPS.find((step) => step.slug === slug);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const step = findStep((await params).etape);
  return { title: step ? `Création de mon compte personnel – ${step.title}` : "Page introuvable" };
}

export default async function SignupStepRoute({ params }: Props) {
  const { etape } = await params;
  if (etape === "bienvenue") redirect("/creer-mon-espace");
  const step = findStep(etape);
  if (!step) notFound();
  return <SignupStep step={step.slug as SignupStepSlug} />;
}
