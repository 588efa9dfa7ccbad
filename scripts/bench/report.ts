/** The Markdown report of a run (pure): machine, budgets, load table, JavaScript per page, Lighthouse. */
import type { BudgetVerdict } from "./budgets";
import type { BenchResults } from "./results";

const ms = (value: number) => (Number.isNaN(value) ? "–" : value < 10 ? value.toFixed(1) : String(Math.round(value)));
const kB = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const mark = (verdict: BudgetVerdict) => (verdict.ok === null ? "⚪ non mesuré" : verdict.ok ? "✅ tenu" : "❌ **DÉPASSÉ**");

export function renderReport(results: BenchResults, verdicts: BudgetVerdict[], chartFile: string): string {
  const { machine } = results;
  const lines: string[] = [
    "# Mesures de performance d'Espace Famille",
    "",
    `Produit par \`npm run bench${results.quick ? " -- --quick" : ""}\` le ${results.startedAt.slice(0, 16).replace("T", " à ")} UTC, en ${Math.round(results.totalSeconds / 60)} min.`,
    "",
    `- Machine : ${machine.cpuModel}, **${machine.cores} cœurs**, ${machine.memoryGiB.toFixed(0)} Gio de mémoire, ${machine.os}`,
    `- Node.js ${machine.node} ; charge moyenne (1 min) au départ : ${machine.loadAverage.toFixed(2)}, à la fin : ${results.loadAverageAtEnd.toFixed(2)}`,
    `- Portail construit (\`next build\`) et servi par \`next start\` sur le PostgreSQL local, base neuve ; générateur de charge (autocannon) sur la même machine.`,
    `- Mode ${results.quick ? "rapide (`--quick`)" : "complet"} : environ ${results.secondsPerLevel} s par palier de clients simultanés (le premier palier dure ${results.secondsPerLevel} s ; les suivants attendent un nombre de réponses tiré du débit du palier précédent, deux par client au moins, pour ne pas écarter les requêtes les plus lentes encore en cours à la fin).`,
    "",
    "> **Machine bruyante.** Ces mesures viennent d'une machine de développement partagée : le générateur de charge, le portail,",
    "> PostgreSQL et d'autres travaux se disputent les mêmes cœurs. Les écarts de quelques dizaines de pour cent d'une exécution",
    "> à l'autre sont normaux ; comparez surtout au plafond (un serveur Node.js nu mesuré dans la même exécution) et entre",
    "> exécutions sur la même machine.",
    "",
    `![Requêtes par seconde et latence p95 selon le nombre de clients](${chartFile})`,
    "",
    "## Budgets",
    "",
    "| Budget | Mesuré | Verdict |",
    "|---|---|---|",
    ...verdicts.map((verdict) => `| ${verdict.description} | ${verdict.measured} | ${mark(verdict)} |`),
    "",
    "## Charge",
    "",
    "Latences en millisecondes, calculées sur chaque réponse réussie (rang le plus proche, sans interpolation).",
    "",
    "| Scénario | Clients | Req/s | p50 | p95 | p99 | Réponses | Échecs |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const scenario of results.scenarios) {
    for (const measure of scenario.measures) {
      lines.push(
        `| ${scenario.label} | ${measure.clients} | ${measure.requestsPerSecond.toFixed(1)} | ${ms(measure.p50)} | ${ms(measure.p95)} | ${ms(measure.p99)} | ${measure.ok} | ${measure.failed} |`,
      );
    }
  }
  lines.push(
    "",
    "## JavaScript envoyé au navigateur",
    "",
    "Scripts téléchargés au premier chargement de la page dans Chromium (375 px de large), tailles après gzip.",
    "",
    "| Page | Fichiers | gzip (ko) | Décompressé (ko) |",
    "|---|---:|---:|---:|",
    ...results.javascript.map((weight) => `| ${weight.label} (\`${weight.path}\`) | ${weight.files} | ${kB(weight.gzipBytes)} | ${kB(weight.rawBytes)} |`),
    "",
    "## Lighthouse sur téléphone",
    "",
    `Lighthouse 12.2.3, profil mobile par défaut (écran de téléphone, 4G lente et processeur 4× plus lent simulés) ; ${results.quick ? "une exécution par page" : "trois exécutions par page, celle de note de performance médiane retenue"}.`,
    "",
    "| Page | Performance | Accessibilité | Bonnes pratiques | FCP | LCP | TBT | CLS |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...results.lighthouse.map(
      ({ label, path, performance, accessibility, bestPractices, metrics }) =>
        `| ${label} (\`${path}\`) | ${performance} | ${accessibility} | ${bestPractices} | ${seconds(metrics.firstContentfulPaint)} | ${seconds(metrics.largestContentfulPaint)} | ${ms(metrics.totalBlockingTime)} ms | ${metrics.cumulativeLayoutShift.toFixed(3)} |`,
    ),
    "",
    "FCP et LCP : premier affichage et plus grand élément affiché, en secondes ; TBT : temps où le processeur bloque la page. Sous charge, la",
    "simulation de Lighthouse compte aussi la lenteur du processeur de cette machine : la note de performance varie de plusieurs points d'une exécution à l'autre.",
  );
  if (results.serverErrors.length > 0) {
    lines.push(
      "",
      "## Erreurs du portail pendant les mesures",
      "",
      "Ce que `next start` a écrit dans sa sortie d'erreur, compté par message (les « Échecs » du tableau de charge en viennent).",
      "",
      "| Nombre | Message |",
      "|---:|---|",
      ...results.serverErrors.map((error) => `| ${error.count} | \`${error.message.replace(/\|/g, "\\|").replace(/`/g, "'")}\` |`),
    );
  }
  if (results.skipped.length > 0) lines.push("", "## Non mesuré", "", ...results.skipped.map((reason) => `- ${reason}`));
  lines.push(
    "",
    "## Méthode",
    "",
    "- **Plafond** : un `http.createServer` nu qui répond une copie fixe de la page d'accueil (même taille), mesuré avec les mêmes réglages.",
    "- **Accueil public** : `GET /`, sans session.",
    "- **Carte scolaire** : `GET /carte-scolaire/resultat?adresse=44 rue Jean-Jaurès`, sans session (voie coupée en plages paires et impaires de la carte de démonstration).",
    "- **Accueil du parent** : `GET /espace`, chaque connexion étant un parent différent, connecté une fois par le formulaire de connexion (server action, comme un navigateur) ; chaque parent a un brouillon de déclaration.",
    "- **Assistant, étape Identité** : la server action de l'étape « Identité » de `/creer-mon-espace` appelée comme le fait le navigateur (`Next-Action`, corps `encodeReply` de React), chaque connexion avec son propre brouillon d'assistant ; la réponse contient la page de l'étape suivante.",
    "- **Envoi d'une déclaration** : la server action « Envoyer ma déclaration » ; chaque envoi n'a lieu qu'une fois par parent, donc chaque palier envoie un lot de parents distincts (brouillon complet : titulaire et un enfant, trois pièces PDF jointes par les services du portail) et mesure chaque envoi, accusé de réception par courriel compris.",
    "- **JavaScript par page** : somme des scripts reçus par Chromium (playwright-core) au chargement, recompressés avec gzip (niveau par défaut).",
  );
  return `${lines.join("\n")}\n`;
}
