/**
 * `npm run bench`: how fast the built portal answers, compared in the same run with the framework's floor
 * (issues #7 and #14).
 *  1. a fresh database on the local PostgreSQL (DATABASE_URL's server, else 127.0.0.1:5432), demo data;
 *  2. `next build` of the portal (unless --no-build) and of the bare Next.js app (scripts/bench/floor-app,
 *     its pages sized like the portal's home), `next start` of both on ports of 3100-3199;
 *  3. load at 10, 50 and 200 concurrent clients: the bare Node.js server (ceiling), the floor's static and
 *     dynamic pages, then each scenario of scenarios.ts and the sending of a family declaration;
 *  4. the /espace scenario again through two portal processes behind a local load balancer;
 *  5. a CPU profile and the database time per request of /espace and of one server action (4 and 5 start
 *     portal processes of their own: scaling-and-profiles.ts);
 *  6. JavaScript per page in Chromium (and the bare page's), Lighthouse on a phone;
 *  7. bench/results/latest.md and latest-chart.png, goals checked (exit code 1 when one fails).
 * Options: --quick (2 levels, short runs: a check in a few minutes), --no-build (reuse both .next),
 * --no-browser; --report renders the report again from latest.json.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createTestDatabase } from "../db/test-database.mjs";
import seed from "../../prisma/seed";
import { buildPortal, freePort, runEnvironment, startPortal } from "../lib/portal";
import { measureJavaScript, runLighthouse, type PageToMeasure } from "./browser";
import { checkBudgets, verdictLine } from "./budgets";
import { benchChart } from "./chart";
import { buildFloor, FLOOR_DYNAMIC_PATH, FLOOR_STATIC_PATH, floorTextBytes, startFloor } from "./floor";
import { batch, hammer, LOAD_TIMEOUT_SECONDS, startCeilingServer, type FixedRequest } from "./load";
import { actionHeaders, actionOfFormWith, actionReply, cookieHeader, mergeCookies } from "./next-actions";
import { createParentsWithDrafts, eachLimited, signIn, type BenchParent } from "./parents";
import { renderReport } from "./report";
import type { BenchResults, MachineInfo, ScenarioKind, ScenarioResult } from "./results";
import { bookableWednesdays, CALENDAR_ACTIVITY, createEnrolledFamilies, sendBookings } from "./reservations";
import { measureScaling, profileScenarios, type ProcessesRun } from "./scaling-and-profiles";
import { LOAD_SCENARIOS, type BenchContext } from "./scenarios";
import { countServerErrors, type LoadMeasure } from "./stats";

const flags = process.argv.slice(2);
const quick = flags.includes("--quick");
const noBuild = flags.includes("--no-build");
const noBrowser = flags.includes("--no-browser");

const LEVELS = quick ? [10, 50] : [10, 50, 200];
const SECONDS_PER_LEVEL = quick ? 3 : 6;
/** Declarations sent at each level: distinct parents, each sending once. */
const SENDINGS: Record<number, number> = quick ? { 10: 20, 50: 50 } : { 10: 40, 50: 100, 200: 200 };
const PORTS = { from: 3100, to: 3199 };
/** Lighthouse runs per page; the median one is kept. */
const LIGHTHOUSE_RUNS = quick ? 1 : 3;
/** Clients and seconds of a profiled run. */
const PROFILE = { clients: 50, seconds: quick ? 3 : 6 };
const RESULTS_DIR = path.resolve("bench/results");

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

async function loadLevels(label: string, baseUrl: string, request: FixedRequest): Promise<LoadMeasure[]> {
  console.log(`\n${label}`);
  // A short warm-up, not recorded: the first requests of a route compile nothing but fill caches.
  await hammer(baseUrl, request, 4, { seconds: 1 });
  const measures: LoadMeasure[] = [];
  for (const clients of LEVELS) {
    // Sized from the previous level's throughput to last about SECONDS_PER_LEVEL, two answers per client at least.
    const previous = measures[measures.length - 1];
    const size = previous
      ? { amount: Math.max(2 * clients, Math.ceil(previous.requestsPerSecond * SECONDS_PER_LEVEL)) }
      : { seconds: SECONDS_PER_LEVEL };
    const measure = await hammer(baseUrl, request, clients, size);
    console.log(`  ${format(measure)}`);
    measures.push(measure);
  }
  return measures;
}

async function loadScenario(
  id: string,
  label: string,
  kind: ScenarioKind,
  baseUrl: string,
  request: FixedRequest,
): Promise<ScenarioResult> {
  return { id, label, kind, measures: await loadLevels(label, baseUrl, request) };
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

/** Each scenario's request answers as expected once, before any load (a broken fixture is not a slow page). */
async function expectAnswers(baseUrl: string, label: string, request: FixedRequest) {
  const cookie = request.cookiePerConnection?.[0];
  const response = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    redirect: "manual",
    headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
    body: request.body && new Uint8Array(request.body),
  });
  await response.arrayBuffer();
  if (response.status !== request.expectStatus) throw new Error(`${label} : HTTP ${response.status} au lieu de ${request.expectStatus}.`);
  const redirect = response.headers.get("x-action-redirect");
  if (request.method === "POST" && !redirect) throw new Error(`${label} : la server action n'a pas abouti (pas de redirection).`);
}

async function sendDeclarations(baseUrl: string, parents: BenchParent[]): Promise<ScenarioResult> {
  const label = "Envoi d'une déclaration (3 pièces)";
  console.log(`\n${label}`);
  const summaryPath = "/espace/declarer-ma-famille/recapitulatif";
  const summary = await fetch(`${baseUrl}${summaryPath}`, { headers: { cookie: parents[0]!.cookie }, redirect: "manual" });
  if (summary.status !== 200)
    throw new Error(`Le récapitulatif de la déclaration ne s'affiche pas (HTTP ${summary.status}) : brouillon incomplet ?`);
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
        signal: AbortSignal.timeout(LOAD_TIMEOUT_SECONDS * 1000),
      });
      await response.arrayBuffer();
      return response.status === 200 && (response.headers.get("x-action-redirect") ?? "").includes("/espace?declaration=envoyee");
    });
    const measure = await batch(tasks, clients);
    console.log(`  ${format(measure)} (${senders.length} envois)`);
    measures.push(measure);
  }
  return { id: "declaration", label, kind: "action", measures };
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const machine = machineInfo();
  console.log(
    `Mesures ${quick ? "rapides" : "complètes"} : ${machine.cores} cœurs, Node.js ${machine.node}, charge ${machine.loadAverage.toFixed(2)}`,
  );
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
    const keepServerOutput = (text: string) => (serverOutput += text);
    const portal = await startPortal(env, await freePort(PORTS), { quiet: true, onStderr: keepServerOutput });
    stops.unshift(() => portal.stop());
    const { baseUrl } = portal;
    console.log(`Portail démarré sur ${baseUrl}`);

    // The floor's pages are sized like the portal's home.
    const home = Buffer.from(await (await fetch(`${baseUrl}/`)).arrayBuffer());
    const textBytes = floorTextBytes(home.byteLength);
    if (!noBuild) await buildFloor(textBytes);
    const floor = await startFloor(textBytes, await freePort(PORTS));
    stops.unshift(() => floor.stop());
    const ceiling = await startCeilingServer(home, await freePort(PORTS));
    stops.unshift(() => ceiling.close());
    const pageBytes = {
      home: home.byteLength,
      floorStatic: (await (await fetch(`${floor.baseUrl}${FLOOR_STATIC_PATH}`)).arrayBuffer()).byteLength,
      floorDynamic: (await (await fetch(`${floor.baseUrl}${FLOOR_DYNAMIC_PATH}`)).arrayBuffer()).byteLength,
    };
    console.log(
      `Pages : accueil ${pageBytes.home} octets, plancher statique ${pageBytes.floorStatic}, dynamique ${pageBytes.floorDynamic}`,
    );

    const maxClients = Math.max(...LEVELS);
    const sendings = LEVELS.reduce((sum, clients) => sum + SENDINGS[clients]!, 0);
    // One more parent than the sendings: the browser measures the declaration form of a draft still open.
    const parentCount = Math.max(sendings, maxClients) + 1;
    console.log(`Préparation de ${parentCount} parents (brouillon complet et trois pièces chacun), connexion par le formulaire…`);
    const parents = await signIn(baseUrl, await createParentsWithDrafts(database.url, parentCount), 4);
    const browserParent = parents[parents.length - 1]!;
    // Signed-in pages are read by parents whose drafts stay open; the first ones send their declaration last.
    const readers = parents.slice(parents.length - 1 - maxClients, parents.length - 1);
    const context: BenchContext = { portal: baseUrl, parents: readers, wizard: await wizardDrafts(baseUrl, maxClients) };
    for (const scenario of LOAD_SCENARIOS) await expectAnswers(baseUrl, scenario.label, scenario.request(context));

    const scenarios: ScenarioResult[] = [];
    const get = (requestPath: string): FixedRequest => ({ method: "GET", path: requestPath, expectStatus: 200 });
    scenarios.push(await loadScenario("ceiling", "Plafond : serveur Node.js nu", "ceiling", ceiling.baseUrl, get("/")));
    scenarios.push(
      await loadScenario("floor-static", "Plancher : page statique Next.js", "floor-static", floor.baseUrl, get(FLOOR_STATIC_PATH)),
    );
    scenarios.push(
      await loadScenario(
        "floor-dynamic",
        "Plancher : page dynamique Next.js (proxy CSP à nonce)",
        "floor-dynamic",
        floor.baseUrl,
        get(FLOOR_DYNAMIC_PATH),
      ),
    );
    for (const scenario of LOAD_SCENARIOS)
      scenarios.push(await loadScenario(scenario.id, scenario.label, scenario.kind, baseUrl, scenario.request(context)));
    scenarios.push(await sendDeclarations(baseUrl, parents.slice(0, sendings)));

    // The reservations: a parent's month calendar, and booking a day through the calendar's server action.
    console.log(`Préparation de ${maxClients} familles inscrites à l'accueil du mercredi…`);
    const enrolled = await createEnrolledFamilies(database.url, maxClients);
    const enrolledParents = (await signIn(baseUrl, enrolled, 4)).map((parent, index) => ({ ...parent, childId: enrolled[index]!.childId }));
    const wednesdays = await bookableWednesdays(database.url);
    const calendar: FixedRequest = {
      ...get(`/espace/reservations/${CALENDAR_ACTIVITY}?mois=${wednesdays.month}`),
      cookiePerConnection: enrolledParents.map((parent) => parent.cookie),
    };
    await expectAnswers(baseUrl, "Calendrier des réservations", calendar);
    scenarios.push(
      await loadScenario("calendar", "Calendrier des réservations d'un mois (/espace/reservations/…)", "signed-in", baseUrl, calendar),
    );
    // The children's files of an enrolled family (each child's health sheet, authorisations and documents).
    const childFiles: FixedRequest = { ...get("/espace/enfants"), cookiePerConnection: enrolledParents.map((parent) => parent.cookie) };
    await expectAnswers(baseUrl, "Mes enfants", childFiles);
    scenarios.push(await loadScenario("child-files", "Les fiches des enfants (/espace/enfants)", "signed-in", baseUrl, childFiles));
    console.log("\nRéserver un jour (server action du calendrier)");
    const bookingMeasures = await sendBookings(
      baseUrl,
      enrolledParents,
      wednesdays,
      LEVELS.map((clients) => ({ clients, requests: SENDINGS[clients]! })),
    );
    for (const measure of bookingMeasures) console.log(`  ${format(measure)}`);
    scenarios.push({ id: "booking", label: "Réserver un jour (server action)", kind: "action", measures: bookingMeasures });

    // The invoices page of a family with invoices (the billing demo family: its lines, its quotient familial). The
    // readers join that family only now, once the pages measured above (which need their open drafts) are done.
    await attachToDemoFamily(
      database.url,
      readers.map((parent) => parent.id),
    );
    const invoices: FixedRequest = { ...get("/espace/factures"), cookiePerConnection: readers.map((parent) => parent.cookie) };
    await expectAnswers(baseUrl, "Mes factures", invoices);
    scenarios.push(await loadScenario("invoices", "Mes factures (/espace/factures)", "signed-in", baseUrl, invoices));

    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      quick,
      secondsPerLevel: SECONDS_PER_LEVEL,
      totalSeconds: 0,
      machine,
      loadAverageAtEnd: 0,
      timeoutSeconds: LOAD_TIMEOUT_SECONDS,
      pageBytes,
      scenarios,
      javascript: [],
      lighthouse: [],
      profiles: [],
      serverErrors: [],
      skipped: [],
    };

    // The same scenario through two processes behind a local balancer, then where the server's time goes.
    const processes: ProcessesRun = { env, ports: PORTS, context };
    results.scaling = await measureScaling(processes, scenarios, loadLevels, keepServerOutput);
    const profiled = await profileScenarios(processes, database.url, PROFILE);
    results.profiles!.push(...profiled.profiles);
    results.skipped.push(...profiled.skipped);

    if (noBrowser) {
      results.skipped.push("JavaScript par page et Lighthouse : exécution avec `--no-browser`.");
    } else {
      const pages: PageToMeasure[] = [
        { label: "Accueil public", path: "/" },
        { label: "Actualités", path: "/actualites" },
        { label: "Créer mon espace, étape 1", path: "/creer-mon-espace" },
        { label: "Accueil du parent", path: "/espace", cookie: browserParent.cookie },
        { label: "Déclarer ma famille", path: "/espace/declarer-ma-famille", cookie: browserParent.cookie },
        { label: "Connexion des agents", path: "/admin/connexion" },
      ];
      console.log("\nJavaScript par page (Chromium)…");
      results.floorJavaScript = (
        await measureJavaScript(floor.baseUrl, [{ label: "Page Next.js nue (plancher)", path: FLOOR_STATIC_PATH }])
      )[0];
      results.javascript = await measureJavaScript(baseUrl, pages);
      for (const weight of [results.floorJavaScript!, ...results.javascript])
        console.log(`  ${weight.label} : ${(weight.gzipBytes / 1024).toFixed(1)} ko gzip (${weight.files} fichiers)`);
      console.log("Lighthouse (téléphone)…");
      results.lighthouse = await runLighthouse(baseUrl, [pages[0]!, pages[4]!], await freePort(PORTS), LIGHTHOUSE_RUNS);
      for (const scores of results.lighthouse) {
        console.log(
          `  ${scores.path} : performance ${scores.performance}, accessibilité ${scores.accessibility}, bonnes pratiques ${scores.bestPractices}`,
        );
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
    console.log("\nObjectifs");
    for (const verdict of verdicts) console.log(`  ${verdictLine(verdict)}`);
    console.log(`\nRapport : ${path.relative(process.cwd(), path.join(RESULTS_DIR, "latest.md"))} (${Math.round(results.totalSeconds)} s)`);
    return verdicts.some((verdict) => verdict.ok === false) ? 1 : 0;
  } finally {
    for (const stop of stops) await stop();
  }
}

/** `--report`: renders latest.md and the chart again from latest.json (after a change of the report's layout). */
async function renderAgain(): Promise<number> {
  const results = JSON.parse(readFileSync(path.join(RESULTS_DIR, "latest.json"), "utf8")) as BenchResults;
  const verdicts = checkBudgets(results);
  const levels = [...new Set(results.scenarios.flatMap((scenario) => scenario.measures.map((measure) => measure.clients)))].sort(
    (a, b) => a - b,
  );
  await sharp(Buffer.from(benchChart(results.scenarios, levels)))
    .png()
    .toFile(path.join(RESULTS_DIR, "latest-chart.png"));
  writeFileSync(path.join(RESULTS_DIR, "latest.md"), renderReport(results, verdicts, "latest-chart.png"));
  for (const verdict of verdicts) console.log(verdictLine(verdict));
  return verdicts.some((verdict) => verdict.ok === false) ? 1 : 0;
}

(flags.includes("--report") ? renderAgain() : main()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/** Moves these accounts into the billing demo family (F-2026-DEMO02), whose invoices the invoices scenario reads. */
async function attachToDemoFamily(databaseUrl: string, accountIds: string[]): Promise<void> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE accounts SET "familyId" = (SELECT id FROM families WHERE "dossierNumber" = 'F-2026-DEMO02') WHERE id = ANY($1::uuid[])`,
      [accountIds],
    );
  } finally {
    await client.end();
  }
}
