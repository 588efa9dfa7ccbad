import Link from "next/link";
import { quotientOverview } from "../quotient";
import { shortDay } from "../labels";

/** The family's quotient familial and the bracket it gives, or plainly the default bracket. */
export async function QuotientSummary({ accountId }: { accountId: string }) {
  const overview = await quotientOverview(accountId);
  if (!overview) return null;
  return (
    <section aria-labelledby="qf-titre" className="card flex flex-col gap-2">
      <h2 id="qf-titre" className="section-title">
        Mon quotient familial
      </h2>
      {overview.current ? (
        <p>
          <strong>{overview.current.value} €</strong> (
          {overview.current.source === "API_PARTICULIER"
            ? `transmis par ${overview.current.provider ?? "la CAF"}`
            : "attestation validée par nos services"}
          ), valable jusqu&apos;au {shortDay(overview.current.validUntil)} : vos tarifs sont ceux de la{" "}
          <strong>{overview.current.bracket}</strong>.
        </p>
      ) : (
        <p>
          Nous ne connaissons pas votre quotient familial : le tarif le plus élevé s&apos;applique (
          <strong>{overview.defaultBracket}</strong>). Transmettez-le pour payer le tarif qui correspond à vos revenus.
        </p>
      )}
      <p>
        <Link href="/espace/factures/quotient-familial" className="link">
          {overview.current ? "Mettre à jour mon quotient familial" : "Transmettre mon quotient familial"}
        </Link>
      </p>
    </section>
  );
}
