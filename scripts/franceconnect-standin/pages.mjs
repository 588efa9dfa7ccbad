// The stand-in's pages, in French. Every page says plainly that this is a test stand-in, not FranceConnect:
// a banner on top, the word "doublure" in the title, and no FranceConnect logo.

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]);

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#161616;background:#f6f6f6;line-height:1.5}
  .banner{background:#b34000;color:#fff;padding:.75rem 1rem;font-weight:700;text-align:center}
  main{max-width:40rem;margin:2rem auto;padding:0 1rem}
  .card{background:#fff;border:1px solid #ccc;border-radius:.5rem;padding:1.5rem}
  h1{font-size:1.5rem;margin:0 0 1rem}
  h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
  label{display:block;font-weight:600;margin:1rem 0 .25rem}
  input[type=text],input[type=password]{width:100%;padding:.6rem;border:2px solid #3a3a3a;border-radius:.25rem;font-size:1rem}
  input:focus,button:focus,a:focus{outline:3px solid #0a76f6;outline-offset:2px}
  .actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
  button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.25rem;cursor:pointer;min-height:2.75rem}
  .primary{background:#000091;color:#fff;border:2px solid #000091}
  .secondary{background:#fff;color:#000091;border:2px solid #000091}
  .error{border-left:4px solid #ce0500;background:#ffe9e9;padding:.75rem;margin:1rem 0;color:#8a0300}
  table{border-collapse:collapse;width:100%;font-size:.9rem}
  caption{text-align:left;margin-bottom:.25rem}
  th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}
  code{font-size:.95em}
`;

function layout(title, body) {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – doublure de test de FranceConnect</title>
  <style>${STYLE}</style>
</head>
<body>
  <p class="banner" role="note">Doublure de test : ceci n'est pas FranceConnect. Aucune donnée réelle n'est utilisée.</p>
  <main>
    ${body}
  </main>
</body>
</html>`;
}

/**
 * @param {{ action: string, cancelAction: string, clientName: string, login?: string, error?: string,
 *   identities: { login: string, password: string, description: string, name: string }[] }} params
 */
export function loginPage({ action, cancelAction, clientName, login = "", error, identities }) {
  const errorBlock = error ? `<p id="erreur" class="error" role="alert">${escapeHtml(error)}</p>` : "";
  const described = error ? ' aria-describedby="erreur" aria-invalid="true"' : "";
  const rows = identities
    .map(
      (identity) =>
        `<tr><td><code>${escapeHtml(identity.login)}</code></td><td><code>${escapeHtml(identity.password)}</code></td><td>${escapeHtml(identity.name)}, ${escapeHtml(identity.description)}</td></tr>`,
    )
    .join("\n");
  return layout(
    "Connexion",
    `<div class="card">
      <h1>Connexion à la doublure de test de FranceConnect</h1>
      <p>Le service <strong>${escapeHtml(clientName)}</strong> vous demande de vous identifier.
        Cette page remplace FranceConnect en développement et pendant les tests automatisés.</p>
      ${errorBlock}
      <form method="post" action="${escapeHtml(action)}" novalidate>
        <label for="login">Identifiant</label>
        <input id="login" name="login" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(login)}"${described}>
        <label for="password">Mot de passe</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required${described}>
        <div class="actions">
          <button class="primary" type="submit">Se connecter</button>
        </div>
      </form>
      <form method="post" action="${escapeHtml(cancelAction)}">
        <div class="actions">
          <button class="secondary" type="submit">Annuler et revenir sur le service</button>
        </div>
      </form>
      <h2>Identités de test</h2>
      <table>
        <caption>Identifiants et mots de passe acceptés par la doublure</caption>
        <thead><tr><th scope="col">Identifiant</th><th scope="col">Mot de passe</th><th scope="col">Personne</th></tr></thead>
        <tbody>${rows}</tbody>
      </table>
    </div>`,
  );
}

/** FranceConnect ends its session without asking: the form posts itself (a button remains without JavaScript). */
export function logoutPage(form) {
  const autoForm = form.replace("</form>", '<input type="hidden" name="logout" value="yes"/></form>');
  return `${layout(
    "Déconnexion",
    `<div class="card">
      <h1>Déconnexion de la doublure de test de FranceConnect</h1>
      ${autoForm}
      <p>Déconnexion en cours…</p>
      <noscript><button class="primary" type="submit" form="op.logoutForm">Continuer</button></noscript>
    </div>`,
  ).replace("</body>", `<script>document.getElementById("op.logoutForm").submit();</script></body>`)}`;
}

export function logoutDonePage() {
  return layout("Déconnexion", `<div class="card"><h1>Vous êtes déconnecté de la doublure de test de FranceConnect</h1></div>`);
}

export function errorPage(error, description) {
  return layout(
    "Erreur",
    `<div class="card">
      <h1>La doublure de test de FranceConnect a refusé la demande</h1>
      <p role="alert"><code>${escapeHtml(error)}</code> : ${escapeHtml(description ?? "")}</p>
    </div>`,
  );
}
