import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Accès réservé" };

export default function AccessDeniedPage() {
  return (
    <div className="card">
      <h1 className="page-title mb-4">Accès réservé aux administrateurs</h1>
      <p className="mb-4">
        Cette page est réservée aux administrateurs de l&apos;Espace Famille. Si vous en avez besoin, adressez-vous à l&apos;un d&apos;eux.
      </p>
      <Link href="/admin" className="link">
        Retour à l&apos;accueil de l&apos;espace agents
      </Link>
    </div>
  );
}
