import Link from "next/link";
import type { Declaration } from "@/lib/declaration/service";
import { formatLongDate } from "@/lib/platform/format";

/** The declaration's status in words a parent understands. */
export function DeclarationStatus({ declaration, staffMessage }: { declaration: Declaration; staffMessage: string | null }) {
  const reference = (
    <p className="text-sm text-slate-600">
      Référence : <strong>{declaration.reference}</strong>
      {declaration.submittedAt ? ` · envoyée le ${formatLongDate(declaration.submittedAt)}` : ""}
    </p>
  );
  switch (declaration.status) {
    case "DRAFT":
      return (
        <div className="flex flex-col gap-3">
          <p>
            <StatusBadge tone="neutral">Brouillon</StatusBadge> Votre déclaration n&apos;est pas encore envoyée.
          </p>
          <Link href="/espace/declarer-ma-famille" className="btn-accent self-start">
            Reprendre ma déclaration
          </Link>
        </div>
      );
    case "SUBMITTED":
    case "IN_REVIEW":
      return (
        <div className="flex flex-col gap-2">
          <p>
            <StatusBadge tone="info">En attente de validation</StatusBadge> Votre déclaration a bien été envoyée. Dès que votre demande sera
            validée par les services, vous verrez apparaître sur cette page tous les éléments relatifs à votre famille, ainsi que les
            différentes démarches possibles.
          </p>
          {reference}
        </div>
      );
    case "NEEDS_CORRECTION":
      return (
        <div className="flex flex-col gap-3">
          <p>
            <StatusBadge tone="warning">À compléter</StatusBadge> Nos services vous demandent de compléter votre déclaration.
          </p>
          {staffMessage ? (
            <blockquote className="whitespace-pre-line border-l-4 border-amber-600 bg-amber-50 p-3">{staffMessage}</blockquote>
          ) : null}
          {reference}
          <Link href="/espace/declarer-ma-famille" className="btn-accent self-start">
            Compléter ma déclaration
          </Link>
        </div>
      );
    case "ACCEPTED":
      return (
        <div className="flex flex-col gap-2">
          <p>
            <StatusBadge tone="success">Validée</StatusBadge> Votre déclaration a été validée par nos services
            {declaration.decidedAt ? ` le ${formatLongDate(declaration.decidedAt)}` : ""}.
          </p>
          {reference}
        </div>
      );
    case "REFUSED":
      return (
        <div className="flex flex-col gap-3">
          <p>
            <StatusBadge tone="danger">Refusée</StatusBadge> Votre déclaration n&apos;a pas pu être acceptée.
          </p>
          {declaration.refusalReason ? (
            <blockquote className="whitespace-pre-line border-l-4 border-red-700 bg-red-50 p-3">
              Motif : {declaration.refusalReason}
            </blockquote>
          ) : null}
          {reference}
          <Link href="/espace/declarer-ma-famille" className="btn-accent self-start">
            Faire une nouvelle déclaration
          </Link>
        </div>
      );
  }
}

const tones = {
  neutral: "bg-slate-200 text-slate-900",
  info: "bg-blue-100 text-blue-900",
  warning: "bg-amber-100 text-amber-950",
  success: "bg-green-100 text-green-900",
  danger: "bg-red-100 text-red-900",
} as const;

export function StatusBadge({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return <strong className={`mr-2 inline-block rounded px-2 py-0.5 text-sm ${tones[tone]}`}>{children}</strong>;
}
