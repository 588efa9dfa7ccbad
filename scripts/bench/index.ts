/**
 * `npm run bench`: how fast the built portal answers, and what a phone receives (issue #7).
 *  1. a fresh database on the local PostgreSQL (DATABASE_URL's server, else 127.0.0.1:5432), demo data;
 *  2. `next build` (unless --no-build), `next start` on a port of 3100-3199;
 *  3. load at 1, 10, 50 and 200 concurrent clients: a bare Node.js server (the ceiling), the home page,
 *     the signed-in parent's home, the wizard's identity step, and sending a family declaration;
 *  4. JavaScript per page in Chromium, Lighthouse on a phone;
 *  5. bench/results/latest.md and latest-chart.png, budgets checked (exit code 1 when one fails).
 * Options: --quick (3 levels, short runs: a smoke run), --no-build (reuse .next), --no-browser.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createTestDatabase } from "../db/test-database.mjs";
import seed from "../../prisma/seed";
import { buildPortal, freePort, runEnvironment, startPortal } from "../lib/portal";
import { measureJavaScript, runLighthouse, type PageToMeasure } from "./browser";
import { checkBudgets, verdictLine } from "./budgets";
import { benchChart } from "./chart";
import { batch, hammer, startCeilingServer, type FixedRequest } from "./load";
import { actionHeaders, actionOfFormWith, actionReply, cookieHeader, mergeCookies, multipartActionReply } from "./next-actions";
import { createParentsWithDrafts, eachLimited, signIn, type BenchParent } from "./parents";
import { renderReport } from "./report";
import type { BenchResults, MachineInfo, ScenarioResult } from "./results";
import { countServerErrors, type LoadMeasure } from "./stats";

const flags = process.argv.slice(2);
const quick = flags.includes("--quick");
const noBuild = flags.includes("--no-build");
const noBrowser = flags.includes("--no-browser");

const LEVELS = quick ? [1, 10, 50] : [1, 10, 50, 200];
const SECONDS_PER_LEVEL = quick ? 3 : 8;
/** Declarations sent at each level: distinct parents, each sending once. */
const SENDINGS: Record<number, number> = quick ? { 1: 5, 10: 20, 50: 50 } : { 1: 15, 10: 40, 50: 100, 200: 200 };
const PORTS = { from: 3100, to: 3199 };
/** Lighthouse runs per page; the median one is kept. */
const LIGHTHOUSE_RUNS = quick ? 1 : 3;
const RESULTS_DIR = path.resolve("bench/results");

const identity: [string, string][] = [
  ["civility", "MADAME"],
  ["usageName", "DURAND"],
  ["birthName", ""],
  ["firstNames", "Claire"],
  ["birthDate", "14/02/1985"],
  ["birthCountryCode", "99100"],
  ["birthDepartmentCode", "33"],
  ["birthCommuneCode", "33096"],
];

function machineInfo(): MachineInfo {
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "inconnu",
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}

const format = (measure: LoadMeasure) =>
  `${String(measure.clients).padStart(3)} clients : ${measure.requestsPerSecond.toFixed(1).padStart(8)} req/s, p50 ${Math.round(measure.p50)} ms, p95 ${Math.round(measure.p95)} ms, p99 ${Math.round(measure.p99)} ms${measure.failed ? `, ${measure.failed} ÉCHECS` : ""}`;

async function loadScenario(id: ScenarioResult["id"], label: string, baseUrl: string, request: FixedRequest): Promise<ScenarioResult> {
  console.log(`\n${label}`);
  // A short warm-up, not recorded: the first requests of a route compile nothing but fill caches.
  await hammer(baseUrl, request, 4, { seconds: 1 });
  const measures: LoadMeasure[] = [];
  for (const clients of LEVELS) {
    // Sized from the previous level's throughput to last about SECONDS_PER_LEVEL, two answers per client at least.
    const previous = measures[measures.length - 1];
    const size = previous ? { amount: Math.max(2 * clients, Math.ceil(previous.requestsPerSecond * SECONDS_PER_LEVEL)) } : { seconds: SECONDS_PER_LEVEL };
    const measure = await hammer(baseUrl, request, clients, size);
    console.log(`  ${format(measure)}`);
    measures.push(measure);
  }
  return { id, label, measures };
}

/** A wizard draft per connection, with the welcome step passed (CGU accepted), through the wizard's own action. */
async function wizardDrafts(baseUrl: string, count: number): Promise<{ cookies: string[]; actionId: string }> {
  const actionId = actionOfFormWith(await (await fetch(`${baseUrl}/creer-mon-espace`)).text(), "cgu");
  const cookies = await eachLimited(Array.from({ length: count }), 8, async () => {
    const response = await fetch(`${baseUrl}/creer-mon-espace`, {
      method: "POST",
      redirect: "manual",
      headers: actionHeaders(baseUrl, actionId),
      body: actionReply(["bienvenue", { status: "idle" }], [["cgu", "on"]]),
    });
    await response.arrayBuffer();
    const jar = mergeCookies(new Map(), response.headers.getSetCookie());
    if (!jar.has("ef_inscription") || !response.headers.get("x-action-redirect")?.includes("/creer-mon-espace/identite")) {
      throw new Error(`L'étape « Bienvenue » de l'assistant n'a pas abouti (HTTP ${response.status}).`);
    }
    return cookieHeader(jar);
  });
  return { cookies, actionId };
}

async function expectIdentityStepPasses(baseUrl: string, request: FixedRequest, cookie: string) {
  const response = await fetch(`${baseUrl}${request.path}`, { method: "POST", redirect: "manual", headers: { ...request.headers, cookie }, body: request.body && new Uint8Array(request.body) });
  await response.arrayBuffer();
  const redirect = response.headers.get("x-action-redirect") ?? "";
  if (!redirect.includes("/creer-mon-espace/adresse")) throw new Error(`L'étape « Identité » n'a pas abouti (HTTP ${response.status}, redirection « ${redirect} »).`);
}

async function sendDeclarations(baseUrl: string, parents: BenchParent[]): Promise<ScenarioResult> {
  const label = "Envoi d'une déclaration (3 pièces)";
  console.log(`\n${label}`);
  const summaryPath = "/espace/declarer-ma-famille/recapitulatif";
  const summary = await fetch(`${baseUrl}${summaryPath}`, { headers: { cookie: parents[0]!.cookie }, redirect: "manual" });
  if (summary.status !== 200) throw new Error(`Le récapitulatif de la déclaration ne s'affiche pas (HTTP ${summary.status}) : brouillon incomplet ?`);
  const actionId = actionOfFormWith(await summary.text(), "cle");
  const measures: LoadMeasure[] = [];
  let next = 0;
  for (const clients of LEVELS) {
    const senders = parents.slice(next, next + SENDINGS[clients]!);
    next += senders.length;
    const tasks = senders.map((parent) => async () => {
      const response = await fetch(`${baseUrl}${summaryPath}`, {
        method: "POST",
        redirect: "manual",
        headers: actionHeaders(baseUrl, actionId, parent.cookie),
        body: actionReply([{ status: "idle" }], [["cle", randomUUID()]]),
      });
      await response.arrayBuffer();
      return response.status === 200 && (response.headers.get("x-action-redirect") ?? "").includes("/espace?declaration=envoyee");
    });
    const measure = await batch(tasks, clients);
    console.log(`  ${format(measure)} (${senders.length} envois)`);
    measures.push(measure);
  }
  return { id: "declaration", label, measures };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const machine = machineInfo();
  console.log(`Mesures ${quick ? "rapides" : "complètes"} : ${machine.cores} cœurs, Node.js ${machine.node}, charge ${machine.loadAverage.toFixed(2)}`);
  const database = await createTestDatabase({ serverUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" });
  if (database.poolMax) console.warn("Attention : base PGlite embarquée, pas PostgreSQL ; les chiffres ne valent rien pour la production.");
  const storage = mkdtempSync(path.join(os.tmpdir(), "ef-bench-files-"));
  const env = runEnvironment({ databaseUrl: database.url, poolMax: database.poolMax, storageDir: storage });
  // The fixtures are made by the portal's own services in this process: they read the same environment.
  for (const [name, value] of Object.entries(env)) if (value !== undefined) process.env[name] = value;
  const stops: (() => unknown)[] = [() => rmSync(storage, { recursive: true, force: true }), () => database.drop()];
  try {
    if (!noBuild && (await buildPortal(env)) !== 0) return 1;
    await seed(database.url, { fileStorageDir: storage, authSecret: env.AUTH_SECRET, throwawayDatabase: true });
    // The server's errors are kept for the report rather than scrolled past in the terminal.
    let serverOutput = "";
    const portal = await startPortal(env, await freePort(PORTS), { quiet: true, onStderr: (text) => (serverOutput += text) });
    stops.unshift(() => portal.stop());
    const { baseUrl } = portal;
    console.log(`Portail démarré sur ${baseUrl}`);

    const sendings = LEVELS.reduce((sum, clients) => sum + SENDINGS[clients]!, 0);
    // One more parent than the sendings: the browser measures the declaration form of a draft still open.
    const parentCount = Math.max(sendings, Math.max(...LEVELS)) + 1;
    console.log(`Préparation de ${parentCount} parents (brouillon complet et trois pièces chacun), connexion par le formulaire…`);
    const parents = await signIn(baseUrl, await createParentsWithDrafts(database.url, parentCount), 4);
    const browserParent = parents[parents.length - 1]!;
    const wizard = await wizardDrafts(baseUrl, Math.max(...LEVELS));

    const home = Buffer.from(await (await fetch(`${baseUrl}/`)).arrayBuffer());
    const ceiling = await startCeilingServer(home, await freePort(PORTS));
    stops.unshift(() => ceiling.close());

    const identityBody = multipartActionReply(["identite", { status: "idle" }], identity);
    const identityRequest: FixedRequest = {
      method: "POST",
      path: "/creer-mon-espace/identite",
      headers: { ...actionHeaders(baseUrl, wizard.actionId), "content-type": identityBody.contentType },
      body: identityBody.body,
      cookiePerConnection: wizard.cookies,
      expectStatus: 200,
    };
    await expectIdentityStepPasses(baseUrl, identityRequest, wizard.cookies[0]!);

    const scenarios: ScenarioResult[] = [];
    scenarios.push(await loadScenario("ceiling", "Plafond : serveur Node.js nu", ceiling.baseUrl, { method: "GET", path: "/", expectStatus: 200 }));
    scenarios.push(await loadScenario("home", "Accueil public (/)", baseUrl, { method: "GET", path: "/", expectStatus: 200 }));
    scenarios.push(
      await loadScenario("espace", "Accueil du parent (/espace)", baseUrl, {
        method: "GET",
        path: "/espace",
        cookiePerConnection: parents.slice(0, Math.max(...LEVELS)).map((parent) => parent.cookie),
        expectStatus: 200,
      }),
    );
    // The invoices page of a family with invoices: the demo family FACTURE (its lines, its quotient familial).
    const invoiceReaders = parents.slice(0, Math.max(...LEVELS));
    await attachToDemoFamily(database.url, invoiceReaders.map((parent) => parent.id));
    scenarios.push(
      await loadScenario("invoices", "Mes factures (/espace/factures)", baseUrl, {
        method: "GET",
        path: "/espace/factures",
        cookiePerConnection: invoiceReaders.map((parent) => parent.cookie),
        expectStatus: 200,
      }),
    );
    scenarios.push(await loadScenario("wizard", "Assistant : étape Identité (server action)", baseUrl, identityRequest));
    scenarios.push(await sendDeclarations(baseUrl, parents.slice(0, sendings)));

    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      quick,
      secondsPerLevel: SECONDS_PER_LEVEL,
      totalSeconds: 0,
      machine,
      loadAverageAtEnd: 0,
      scenarios,
      javascript: [],
      lighthouse: [],
      serverErrors: [],
      skipped: [],
    };
    if (noBrowser) {
      results.skipped.push("JavaScript par page et Lighthouse : exécution avec `--no-browser`.");
    } else {
      const pages: PageToMeasure[] = [
        { label: "Accueil public", path: "/" },
        { label: "Créer mon espace, étape 1", path: "/creer-mon-espace" },
        { label: "Accueil du parent", path: "/espace", cookie: browserParent.cookie },
        { label: "Déclarer ma famille", path: "/espace/declarer-ma-famille", cookie: browserParent.cookie },
        { label: "Connexion des agents", path: "/admin/connexion" },
      ];
      console.log("\nJavaScript par page (Chromium)…");
      results.javascript = await measureJavaScript(baseUrl, pages);
      for (const weight of results.javascript) console.log(`  ${weight.path} : ${(weight.gzipBytes / 1024).toFixed(1)} ko gzip (${weight.files} fichiers)`);
      console.log("Lighthouse (téléphone)…");
      results.lighthouse = await runLighthouse(baseUrl, [pages[0]!, pages[3]!], await freePort(PORTS), LIGHTHOUSE_RUNS);
      for (const scores of results.lighthouse) {
        console.log(`  ${scores.path} : performance ${scores.performance}, accessibilité ${scores.accessibility}, bonnes pratiques ${scores.bestPractices}`);
      }
    }

    results.totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
    results.loadAverageAtEnd = os.loadavg()[0] ?? 0;
    results.serverErrors = countServerErrors(serverOutput);
    if (results.serverErrors.length > 0) {
      console.log("\nErreurs du portail pendant les mesures");
      for (const error of results.serverErrors) console.log(`  ${error.count} × ${error.message}`);
    }
    const verdicts = checkBudgets(results);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const svg = benchChart(scenarios, LEVELS);
    await sharp(Buffer.from(svg)).png().toFile(path.join(RESULTS_DIR, "latest-chart.png"));
    writeFileSync(path.join(RESULTS_DIR, "latest.md"), renderReport(results, verdicts, "latest-chart.png"));
    writeFileSync(path.join(RESULTS_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log("\nBudgets");
    for (const verdict of verdicts) console.log(`  ${verdictLine(verdict)}`);
    console.log(`\nRapport : ${path.relative(process.cwd(), path.join(RESULTS_DIR, "latest.md"))} (${Math.round(results.totalSeconds)} s)`);
    return verdicts.some((verdict) => verdict.ok === false) ? 1 : 0;
  } finally {
    for (const stop of stops) await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/** Bench parents read the demo family's invoices (only the bench's own database is touched). */
async function attachToDemoFamily(databaseUrl: string, accountIds: string[]): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE accounts SET "familyId" = (SELECT id FROM families WHERE "dossierNumber" = 'F-2026-DEMO02') WHERE id = ANY($1::uuid[])`, [accountIds]);
  } finally {
    await client.end();
  }
}
