/**
 * The page the proxy answers while the database is out of reach (HTTP 503): plain HTML that needs neither
 * the database nor React, in French, accessible (language, title, landmark, heading, contrast), with a
 * "Réessayer" link back to the address asked for. Its one style element carries the request's CSP nonce.
 */
export const SERVICE_UNAVAILABLE_TITLE = "Service momentanément indisponible";
export const RETRY_AFTER_SECONDS = 5;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

export function serviceUnavailableHtml({ retryHref, nonce }: { retryHref: string; nonce: string }): string {
  const style = [
    "body{margin:0;font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;line-height:1.5}",
    "main{max-width:36rem;margin:4rem auto;padding:1.5rem;background:#fff;border:1px solid #cbd5e1;border-radius:.5rem}",
    "h1{font-size:1.5rem;margin:0 0 1rem}",
    "a{display:inline-block;padding:.5rem 1rem;border-radius:.375rem;background:#1d4f91;color:#fff;font-weight:600;text-decoration:none}",
    "a:focus-visible{outline:3px solid #0f172a;outline-offset:2px}",
  ].join("");
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${SERVICE_UNAVAILABLE_TITLE} – Espace Famille</title>
<style nonce="${escapeHtml(nonce)}">${style}</style>
</head>
<body>
<main>
<h1>${SERVICE_UNAVAILABLE_TITLE}</h1>
<p>L'Espace Famille ne peut pas accéder à ses données pour le moment. Rien de ce que vous avez déjà enregistré n'est perdu.</p>
<p>Merci de réessayer dans quelques instants.</p>
<p><a href="${escapeHtml(retryHref)}">Réessayer</a></p>
</main>
</body>
</html>
`;
}
