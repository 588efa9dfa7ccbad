"use client";

/**
 * Last-resort page when even the root layout fails (for instance the database is down):
 * plain markup, no data, in French.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen items-center justify-center bg-slate-50 p-6 font-sans">
        <main className="max-w-xl rounded-lg border border-slate-200 bg-white p-6">
          <h1 className="mb-4 text-2xl font-bold">Service momentanément indisponible</h1>
          <p className="mb-6">L&apos;Espace Famille rencontre une difficulté passagère. Merci de réessayer dans quelques instants.</p>
          <button type="button" onClick={reset} className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white">
            Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
