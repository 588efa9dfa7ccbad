/**
 * The phases of `npm run bench` that start portal processes of their own, once the load on the first portal is
 * done: the scaled scenario (`SCALED_SCENARIO`) again through two processes behind the local round-robin balancer
 * (the first portal and a second one on the same database and secret), then each profiled scenario
 * (`PROFILED_SCENARIOS`) on a process started under `node --cpu-prof`: its hottest functions, its CPU time per
 * request, and PostgreSQL's time and transactions per request in the bench database meanwhile.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startPortal } from "../lib/portal";
import { startBalancer } from "./floor";
import { hammer, type FixedRequest } from "./load";
import { databaseCounters, topFunctions, type CpuProfile } from "./profile";
import type { ScalingResult, ScenarioResult, ServerProfile } from "./results";
import { LOAD_SCENARIOS, PROFILED_SCENARIOS, SCALED_SCENARIO, type BenchContext } from "./scenarios";
import type { LoadMeasure } from "./stats";

/** What these phases take from the run: the portals' environment, their ports, and the scenarios' context. */
export interface ProcessesRun {
  env: NodeJS.ProcessEnv;
  ports: { from: number; to: number };
  /** `context.portal` is the first portal, already started (the balancer's first process). */
  context: BenchContext;
}

/** The run's load at each level of clients (`loadLevels` of index.ts), for the balanced measure. */
type LoadLevels = (label: string, baseUrl: string, request: FixedRequest) => Promise<LoadMeasure[]>;

/**
 * The scaled scenario through two processes behind a local round-robin balancer (same database, same secret),
 * beside its measures on one process. The second process's error output goes to `onStderr`, as the first's.
 */
export async function measureScaling(
  { env, ports, context }: ProcessesRun,
  scenarios: ScenarioResult[],
  loadLevels: LoadLevels,
  onStderr: (text: string) => void,
): Promise<ScalingResult> {
  const scaled = LOAD_SCENARIOS.find((scenario) => scenario.id === SCALED_SCENARIO)!;
  const second = await startPortal(env, await freePort(ports), { quiet: true, onStderr });
  try {
    const balancer = await startBalancer(await freePort(ports), [context.portal, second.baseUrl]);
    try {
      const balanced = await loadLevels(
        `${scaled.label} : deux processus derrière un répartiteur`,
        balancer.baseUrl,
        scaled.request({ ...context, portal: balancer.baseUrl }),
      );
      return {
        scenario: scaled.id,
        label: scaled.label,
        single: scenarios.find((scenario) => scenario.id === scaled.id)!.measures,
        balanced,
      };
    } finally {
      await balancer.stop();
    }
  } finally {
    await second.stop();
  }
}

/**
 * Each profiled scenario on a process of its own; a scenario that could not be profiled is skipped with the
 * reason (the report says so rather than failing).
 */
export async function profileScenarios(
  run: ProcessesRun,
  databaseUrl: string,
  profile: { clients: number; seconds: number },
): Promise<{ profiles: ServerProfile[]; skipped: string[] }> {
  console.log("\nOù passe le temps du serveur (profil CPU, statistiques de PostgreSQL)");
  const profiles: ServerProfile[] = [];
  const skipped: string[] = [];
  for (const id of PROFILED_SCENARIOS) {
    const scenario = LOAD_SCENARIOS.find((candidate) => candidate.id === id)!;
    try {
      profiles.push(
        await profileScenario(run, databaseUrl, profile, id, scenario.label, (portalUrl) =>
          scenario.request({ ...run.context, portal: portalUrl }),
        ),
      );
    } catch (error) {
      skipped.push(`Profil de « ${scenario.label} » : ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { profiles, skipped };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One scenario on a portal process started under `node --cpu-prof`: its hottest functions, its CPU time per
 * request, and PostgreSQL's time and transactions per request in the bench database meanwhile.
 */
async function profileScenario(
  { env, ports }: ProcessesRun,
  databaseUrl: string,
  profile: { clients: number; seconds: number },
  id: string,
  label: string,
  request: (portal: string) => FixedRequest,
): Promise<ServerProfile> {
  const directory = mkdtempSync(path.join(os.tmpdir(), "ef-bench-profile-"));
  try {
    const portal = await startPortal(env, await freePort(ports), { quiet: true, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${directory}`] });
    let measure: LoadMeasure;
    let before, after;
    try {
      const fixed = request(portal.baseUrl);
      await hammer(portal.baseUrl, fixed, 4, { seconds: 1 });
      await sleep(1500);
      before = await databaseCounters(databaseUrl);
      measure = await hammer(portal.baseUrl, fixed, profile.clients, { seconds: profile.seconds });
      await sleep(1500);
      after = await databaseCounters(databaseUrl);
    } finally {
      await portal.stop();
    }
    const file = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
    if (!file) throw new Error("next start n'a pas écrit de profil CPU.");
    const { busyMs, functions } = topFunctions(JSON.parse(readFileSync(path.join(directory, file), "utf8")) as CpuProfile);
    // The profile covers the whole process (start and warm-up included): per request, an upper bound.
    // At least one: a run where nothing answered (a saturated machine) is reported as such, not divided by zero.
    const requests = Math.max(1, measure.ok + measure.failed);
    console.log(
      `  ${label} : ${(busyMs / requests).toFixed(1)} ms de CPU, ${((after.activeMs - before.activeMs) / requests).toFixed(2)} ms de base et ${((after.transactions - before.transactions) / requests).toFixed(1)} transactions par requête`,
    );
    return {
      scenario: id,
      label,
      clients: profile.clients,
      requests,
      cpuMsPerRequest: busyMs / requests,
      databaseMsPerRequest: (after.activeMs - before.activeMs) / requests,
      transactionsPerRequest: (after.transactions - before.transactions) / requests,
      functions,
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
