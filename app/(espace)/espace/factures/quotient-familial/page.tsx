import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { requireParent } from "@/lib/auth/session";
import { QUOTIENT_RESULT_COOKIE } from "@/lib/billing";
import { QuotientSummary } from "@/lib/billing/components/QuotientSummary";
import { quotientOverview } from "@/lib/billing/quotient";
import { answerQuotientAction, shareQuotientWithFranceConnectAction, submitAttestationAction } from "@/lib/billing/quotient/actions";
import { franceConnectStatus } from "@/lib/franceconnect/accounts";
import { isFranceConnectEnabled } from "@/lib/franceconnect/config";

export const metadata: Metadata = { title: "Mon quotient familial" };

const OUTCOMES: Record<string, { role: "status" | "alert"; text: string }> = {
  introuvable: {
    role: "alert",
    text: "La CAF et la MSA n'ont pas de quotient familial pour vous. Transmettez votre attestation ci-dessous.",
  },
  indisponible: {
    role: "alert",
    text: "Votre quotient familial n'a pas pu être récupéré pour le moment. Réessayez plus tard ou transmettez votre attestation.",
  },
};

function Notice({ role, text }: { role: "status" | "alert"; text: string }) {
  return (
    <p
      role={role}
      className={`rounded-md border-2 p-3 font-medium ${role === "status" ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-800"}`}
    >
      {text}
    </p>
  );
}

export default async function QuotientPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const parent = await requireParent("/espace/factures/quotient-familial");
  const search = await searchParams;
  const overview = await quotientOverview(parent.id);
  const franceConnect = isFranceConnectEnabled() ? await franceConnectStatus(parent.id) : null;
  const outcome = search.retour === "franceconnect" ? (await cookies()).get(QUOTIENT_RESULT_COOKIE)?.value : undefined;
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/espace/factures" className="link">
          Retour à mes factures
        </Link>
      </p>
      <h1 className="page-title">Mon quotient familial</h1>
      {search.erreur ? <Notice role="alert" text={search.erreur.slice(0, 300)} /> : null}
      {outcome && OUTCOMES[outcome] ? <Notice {...OUTCOMES[outcome]} /> : null}
      {search.confirme ? (
        <Notice role="status" text="Merci : votre quotient familial est enregistré et s'applique à vos prochaines factures." />
      ) : null}
      {search.conteste ? (
        <Notice role="status" text="C'est noté : transmettez votre attestation CAF ou MSA ci-dessous, nos services la vérifieront." />
      ) : null}
      {search.envoyee ? (
        <Notice role="status" text="Votre attestation est envoyée. Nos services la vérifient et vous préviennent." />
      ) : null}
      {!overview ? (
        <p>Votre famille doit d&apos;abord être validée par nos services.</p>
      ) : (
        <>
          <QuotientSummary accountId={parent.id} />
          {overview.retrieved ? (
            <section aria-labelledby="qf-recupere" className="card flex flex-col gap-3">
              <h2 id="qf-recupere" className="section-title">
                Quotient familial reçu de la {overview.retrieved.provider ?? "CAF"}
              </h2>
              <p>
                Votre quotient familial est de <strong>{overview.retrieved.value} €</strong>
                {overview.retrieved.referenceMonth
                  ? ` (mois de référence ${overview.retrieved.referenceMonth.split("-").reverse().join("/")})`
                  : ""}
                . Est-ce exact ?
              </p>
              <form action={answerQuotientAction} className="flex flex-col gap-2 sm:flex-row">
                <input type="hidden" name="quotient" value={overview.retrieved.id} />
                <button type="submit" name="reponse" value="confirmer" className="btn-primary">
                  Oui, je confirme
                </button>
                <button type="submit" name="reponse" value="contester" className="btn-secondary">
                  Non, je le conteste
                </button>
              </form>
            </section>
          ) : null}
          {franceConnect?.linkedAt ? (
            <section aria-labelledby="qf-franceconnect" className="card flex flex-col gap-3">
              <h2 id="qf-franceconnect" className="section-title">
                Avec FranceConnect
              </h2>
              <p>
                Avec votre accord, la ville demande votre quotient familial à la CAF ou à la MSA (API Particulier) au moment où vous vous
                identifiez avec FranceConnect. Vous le vérifiez avant qu&apos;il ne s&apos;applique.
              </p>
              <form action={shareQuotientWithFranceConnectAction} className="flex flex-col gap-3">
                <div className="flex items-start gap-2">
                  <input id="consentement" type="checkbox" name="consentement" value="oui" className="mt-1 h-5 w-5" />
                  <label htmlFor="consentement">
                    J&apos;accepte que la ville obtienne mon quotient familial auprès de la CAF ou de la MSA.
                  </label>
                </div>
                <button type="submit" className="btn-primary self-start">
                  Récupérer mon quotient familial
                </button>
              </form>
            </section>
          ) : null}
          <section aria-labelledby="qf-attestation" className="card flex flex-col gap-3">
            <h2 id="qf-attestation" className="section-title">
              Avec votre attestation CAF ou MSA
            </h2>
            {overview.submitted ? <p>Une attestation est en cours de vérification par nos services.</p> : null}
            {overview.lastRejection ? <p>Votre dernière attestation a été refusée : {overview.lastRejection}</p> : null}
            <form action={submitAttestationAction} encType="multipart/form-data" className="flex flex-col gap-3">
              <label htmlFor="attestation" className="font-semibold">
                Attestation de quotient familial (PDF, JPEG ou PNG, 10 Mo au plus)
              </label>
              <input id="attestation" name="attestation" type="file" accept="application/pdf,image/jpeg,image/png" />
              <button type="submit" className="btn-secondary self-start">
                Envoyer mon attestation
              </button>
            </form>
          </section>
        </>
      )}
    </div>
  );
}
