import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PortalShell } from "@/components/layout/PortalShell";
import { isOutboxViewerEnabled, listOutboxMails } from "@/lib/platform/mail";

export const metadata: Metadata = {
  title: "Boîte de réception locale (développement)",
  robots: { index: false, follow: false },
};

const LIMIT = 50;

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

/** Development tool: the mails the outbox adapter kept instead of sending them, with their links. */
export default async function LocalInboxPage({ searchParams }: { searchParams: Promise<{ destinataire?: string | string[] }> }) {
  if (!isOutboxViewerEnabled()) notFound();
  const requested = (await searchParams).destinataire;
  const recipient = (Array.isArray(requested) ? requested[0] : requested)?.trim() || undefined;
  const mails = await listOutboxMails({ to: recipient, limit: LIMIT });

  return (
    <PortalShell>
      <div className="mb-6 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <h1 className="text-2xl font-bold sm:text-3xl">Boîte de réception locale (développement)</h1>
        <p className="mt-2">
          Outil de développement : aucune clé Resend n&apos;est configurée, les courriels ne partent donc pas. Ils sont enregistrés ici, les
          plus récents en premier ({LIMIT} au plus). Cette page n&apos;existe pas en production.
        </p>
      </div>

      <form method="get" className="card mb-6 flex flex-wrap items-end gap-3" role="search" aria-label="Filtrer les courriels">
        <div className="min-w-64 flex-1">
          <label htmlFor="destinataire" className="field-label">
            Destinataire
          </label>
          <input
            id="destinataire"
            name="destinataire"
            type="email"
            autoComplete="off"
            defaultValue={recipient ?? ""}
            className="field-input"
          />
        </div>
        <button type="submit" className="btn-primary">
          Filtrer
        </button>
        {recipient ? (
          <Link href="/dev/courriels" className="btn-secondary">
            Tout afficher
          </Link>
        ) : null}
      </form>

      <p className="mb-4" role="status">
        {mails.length === 0
          ? recipient
            ? `Aucun courriel pour ${recipient}.`
            : "Aucun courriel pour le moment."
          : `${mails.length} courriel${mails.length > 1 ? "s" : ""}${recipient ? ` pour ${recipient}` : ""}.`}
      </p>

      <ol className="flex flex-col gap-6">
        {mails.map((mail) => (
          <li key={mail.id}>
            <article aria-labelledby={`courriel-${mail.id}`} className="card">
              <h2 id={`courriel-${mail.id}`} className="mb-2 text-lg font-bold text-town">
                {mail.subject}
              </h2>
              <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-slate-700">
                <dt className="font-medium">À</dt>
                <dd>{mail.to}</dd>
                <dt className="font-medium">Date</dt>
                <dd>
                  <time dateTime={mail.createdAt.toISOString()}>{dateTime.format(mail.createdAt)}</time>
                </dd>
              </dl>
              <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-md bg-slate-100 p-4 font-sans text-sm">
                <LinkifiedText text={mail.text} />
              </pre>
              <p className="mt-3">
                <Link href={`/dev/courriels/${mail.id}`} className="link">
                  Voir la version HTML<span className="sr-only"> du courriel « {mail.subject} »</span>
                </Link>
              </p>
            </article>
          </li>
        ))}
      </ol>
    </PortalShell>
  );
}

// A URL ends before spaces and quotes, and does not swallow the punctuation that closes a sentence.
const urlPattern = /https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)]/g;

function LinkifiedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a key={start} href={match[0]} className="link break-all">
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}
