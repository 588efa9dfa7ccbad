/** The Markdown report of a run (pure): machine, budgets, load table, JavaScript per page, Lighthouse. */
import type { BudgetVerdict } from "./budgets";
import type { BenchResults, ScenarioResult } from "./results";
import type { LoadMeasure } from "./stats";

const ms = (value: number) => (!Number.isFinite(value) ? "–" : value < 10 ? value.toFixed(1) : String(Math.round(value)));
const kB = (bytes: number) => (bytes / 1024).toFixed(1);
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const mark = (verdict: BudgetVerdict) => (verdict.ok === null ? "⚪ non mesuré" : verdict.ok ? "✅ tenu" : "❌ **DÉPASSÉ**");

/** The floor a scenario is compared with: the static page for public pages, the dynamic one otherwise. */
function floorOf(results: BenchResults, scenario: ScenarioResult): ScenarioResult | undefined {
  const floorKind =
    scenario.kind === "public" ? "floor-static" : scenario.kind === "signed-in" || scenario.kind === "action" ? "floor-dynamic" : undefined;
  return floorKind && results.scenarios.find((candidate) => candidate.kind === floorKind);
}

const ratio = (measure: LoadMeasure, floor: LoadMeasure | undefined) =>
  floor && floor.requestsPerSecond > 0 ? `${(measure.requestsPerSecond / floor.requestsPerSecond).toFixed(2)} ×` : "";

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
    `- **Planchers** construits et mesurés dans la même exécution : une application Next.js nue (mêmes versions de next et react, \`scripts/bench/floor-app\`) avec une page statique et une page dynamique derrière un proxy minimal qui pose une CSP à nonce${results.pageBytes ? `, de taille voisine de l'accueil (accueil ${results.pageBytes.home} octets ; plancher statique ${results.pageBytes.floorStatic}, dynamique ${results.pageBytes.floorDynamic})` : ""}. Pages publiques comparées au plancher statique, pages connectées et server actions au plancher dynamique.`,
    `- Une réponse plus lente que ${results.timeoutSeconds ?? 30} s (le délai du générateur de charge) est comptée en échec, jamais écartée.`,
    `- Mode ${results.quick ? "rapide (`--quick`)" : "complet"} : environ ${results.secondsPerLevel} s par palier de clients simultanés (le premier palier dure ${results.secondsPerLevel} s ; les suivants attendent un nombre de réponses tiré du débit du palier précédent, deux par client au moins, pour ne pas écarter les requêtes les plus lentes encore en cours à la fin).`,
    "",
    "> **Machine bruyante.** Ces mesures viennent d'une machine de développement partagée : le générateur de charge, le portail,",
    "> PostgreSQL et d'autres travaux se disputent les mêmes cœurs. Les écarts de quelques dizaines de pour cent d'une exécution",
    "> à l'autre sont normaux ; comparez surtout au plafond (un serveur Node.js nu mesuré dans la même exécution) et entre",
    "> exécutions sur la même machine.",
    "",
    `![Requêtes par seconde et latence p95 selon le nombre de clients](${chartFile})`,
    "",
    "## Objectifs",
    "",
    "Chaque page publique a deux lignes de débit : l'objectif (≥ 0,8 × le plancher statique) et, à défaut, ≥ 0,8 × le plancher dynamique. Toutes les pages sont rendues à chaque requête avec un nonce : servir des pages prérendues sous une CSP d'empreintes a échoué (Next les rend de nouveau à la première requête avec d'autres scripts en ligne ; voir « Cache et CSP » dans le README), d'où la ligne « plancher dynamique » pour les pages publiques.",
    "",
    "| Objectif | Mesuré | Verdict |",
    "|---|---|---|",
    ...verdicts.map((verdict) => `| ${verdict.description} | ${verdict.measured} | ${mark(verdict)} |`),
    "",
    "## Charge",
    "",
    "Latences en millisecondes, calculées sur chaque réponse réussie (rang le plus proche, sans interpolation).",
    "",
    "« × plancher » : req/s du scénario divisées par celles de son plancher au même nombre de clients.",
    "",
    "| Scénario | Clients | Req/s | × plancher | p50 | p95 | p99 | Réponses | Échecs |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const scenario of results.scenarios) {
    const floor = floorOf(results, scenario);
    for (const measure of scenario.measures) {
      const floorMeasure = floor?.measures.find((candidate) => candidate.clients === measure.clients);
      lines.push(
        `| ${scenario.label} | ${measure.clients} | ${measure.requestsPerSecond.toFixed(1)} | ${ratio(measure, floorMeasure)} | ${ms(measure.p50)} | ${ms(measure.p95)} | ${ms(measure.p99)} | ${measure.ok} | ${measure.failed} |`,
      );
    }
  }
  if (results.scaling) {
    const { scaling } = results;
    lines.push(
      "",
      "## Deux processus derrière un répartiteur de charge",
      "",
      `Le même scénario (${scaling.label}) contre un \`next start\`, puis contre deux derrière un petit répartiteur local en tourniquet (\`scripts/bench/balancer.mjs\`, 127.0.0.1), même base, même secret ; chaque requête peut tomber sur l'un ou l'autre processus. Sur une machine à 2 cœurs où le générateur de charge et PostgreSQL prennent aussi leur part, le gain mesure surtout que rien ne casse quand les requêtes d'une même personne changent de processus.`,
      "",
      "| Clients | Un processus (req/s) | Deux processus (req/s) | Rapport | p99 un / deux (ms) | Échecs un / deux |",
      "|---:|---:|---:|---:|---:|---:|",
      ...scaling.balanced.map((balanced) => {
        const single = scaling.single.find((candidate) => candidate.clients === balanced.clients);
        if (!single)
          return `| ${balanced.clients} | – | ${balanced.requestsPerSecond.toFixed(1)} | – | – / ${ms(balanced.p99)} | – / ${balanced.failed} |`;
        return `| ${balanced.clients} | ${single.requestsPerSecond.toFixed(1)} | ${balanced.requestsPerSecond.toFixed(1)} | ${(balanced.requestsPerSecond / single.requestsPerSecond).toFixed(2)} × | ${ms(single.p99)} / ${ms(balanced.p99)} | ${single.failed} / ${balanced.failed} |`;
      }),
    );
  }
  if (results.profiles && results.profiles.length > 0) {
    lines.push("", "## Où passe le temps du serveur", "");
    lines.push(
      "Chaque scénario rejoué seul (50 clients) contre un `next start` lancé sous `node --cpu-prof` ; temps de CPU du processus (démarrage compris : un majorant) et, dans la base du banc, le temps actif de PostgreSQL et les transactions validées (`pg_stat_database` : chaque requête SQL hors transaction en est une, donc à peu près les allers-retours) divisés par le nombre de requêtes.",
    );
    for (const profile of results.profiles) {
      lines.push(
        "",
        `### ${profile.label}`,
        "",
        profile.requests > 0
          ? `${profile.requests} requêtes : **${profile.cpuMsPerRequest.toFixed(1)} ms de CPU** du serveur, **${profile.databaseMsPerRequest.toFixed(2)} ms de PostgreSQL** et **${profile.transactionsPerRequest.toFixed(1)} transactions** par requête.`
          : "**Aucune réponse pendant la mesure** (machine saturée) : pas de temps par requête, et le profil ci-dessous montre surtout le démarrage du processus (chargement des modules).",
        "",
        "| Fonction | Où | Temps propre | Part du temps occupé |",
        "|---|---|---:|---:|",
        ...profile.functions.map(
          (fn) =>
            `| \`${fn.name.replace(/\|/g, "\\|")}\` | ${fn.where.replace(/\|/g, "\\|")} | ${Math.round(fn.selfMs)} ms | ${(fn.selfShare * 100).toFixed(1)} % |`,
        ),
      );
    }
  }
  lines.push(
    "",
    "## JavaScript envoyé au navigateur",
    "",
    "Scripts téléchargés au premier chargement de la page dans Chromium (375 px de large), tailles après gzip.",
    "",
    "| Page | Fichiers | gzip (ko) | Décompressé (ko) | gzip de plus que la page nue (ko) |",
    "|---|---:|---:|---:|---:|",
    ...(results.floorJavaScript ? [results.floorJavaScript] : []).map(
      (weight) => `| ${weight.label} | ${weight.files} | ${kB(weight.gzipBytes)} | ${kB(weight.rawBytes)} | 0 |`,
    ),
    ...results.javascript.map(
      (weight) =>
        `| ${weight.label} (\`${weight.path}\`) | ${weight.files} | ${kB(weight.gzipBytes)} | ${kB(weight.rawBytes)} | ${results.floorJavaScript ? `+${kB(weight.gzipBytes - results.floorJavaScript.gzipBytes)}` : "–"} |`,
    ),
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
    "- **Plancher statique** : la page prérendue de l'application Next.js nue, servie depuis le cache de Next. **Plancher dynamique** : une page de même taille rendue à chaque requête, derrière un `proxy.ts` minimal qui pose une CSP à nonce (celui du guide de Next).",
    "- **Pages publiques** : `GET` sans session (accueil, actualités, services, documents à télécharger, pages légales, accessibilité).",
    "- **Pages connectées** (`/espace`, le formulaire de déclaration) : chaque connexion est un parent différent, connecté une fois par le formulaire de connexion (server action, comme un navigateur) ; chaque parent a un brouillon de déclaration.",
    "- **Assistant, étape Identité** : la server action de l'étape « Identité » de `/creer-mon-espace` appelée comme le fait le navigateur (`Next-Action`, corps `encodeReply` de React), chaque connexion avec son propre brouillon d'assistant ; la réponse contient la page de l'étape suivante.",
    "- **Envoi d'une déclaration** : la server action « Envoyer ma déclaration » ; chaque envoi n'a lieu qu'une fois par parent, donc chaque palier envoie un lot de parents distincts (brouillon complet : titulaire et un enfant, trois pièces PDF jointes par les services du portail) et mesure chaque envoi, accusé de réception par courriel compris.",
    "- **JavaScript par page** : somme des scripts reçus par Chromium (playwright-core) au chargement, recompressés avec gzip (niveau par défaut).",
  );
  return `${lines.join("\n")}\n`;
}
