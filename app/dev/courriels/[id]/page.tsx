import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PortalShell } from "@/components/layout/PortalShell";
import { getOutboxMail, isOutboxViewerEnabled } from "@/lib/platform/mail";

export const metadata: Metadata = {
  title: "Courriel – Boîte de réception locale (développement)",
  robots: { index: false, follow: false },
};

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

/** Development tool: one mail of the local outbox, its HTML version as a mail client would show it. */
export default async function LocalInboxMailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!isOutboxViewerEnabled()) notFound();
  const mail = await getOutboxMail((await params).id);
  if (!mail) notFound();

  return (
    <PortalShell>
      <p className="mb-4">
        <Link href="/dev/courriels" className="link">
          Retour à la boîte de réception locale (développement)
        </Link>
      </p>
      <div className="mb-6 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <p className="font-semibold">Boîte de réception locale (développement) : ce courriel n&apos;a pas été envoyé.</p>
      </div>
      <article aria-labelledby="sujet" className="card">
        <h1 id="sujet" className="page-title mb-3">
          {mail.subject}
        </h1>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
          <dt className="font-medium">À</dt>
          <dd>{mail.to}</dd>
          <dt className="font-medium">Date</dt>
          <dd>
            <time dateTime={mail.createdAt.toISOString()}>{dateTime.format(mail.createdAt)}</time>
          </dd>
        </dl>
        <h2 className="section-title mb-2">Version HTML</h2>
        <p className="field-help mb-2">
          Aperçu sans mise en forme : la politique de sécurité du portail bloque ici les styles du courriel, que la messagerie du
          destinataire affiche.
        </p>
        {/* An empty sandbox: the mail's HTML runs no script and cannot reach this page. */}
        <iframe
          title={`Version HTML du courriel « ${mail.subject} »`}
          sandbox=""
          srcDoc={mail.html}
          className="h-[36rem] w-full rounded-md border border-slate-300 bg-white"
        />
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">Source HTML</summary>
          <pre className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-4 text-xs">{mail.html}</pre>
        </details>
      </article>
    </PortalShell>
  );
}
