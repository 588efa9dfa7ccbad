/**
 * The budgets: what the portal promises on this kind of machine. A budget that fails is printed plainly
 * ("BUDGET DÉPASSÉ : ...") and makes `npm run bench` exit with code 1. Pure: unit-tested.
 */
import type { BenchResults, ScenarioId, ScenarioKind, ScenarioResult } from "./results";
import type { LoadMeasure } from "./stats";

type FloorKind = "floor-static" | "floor-dynamic";

export type Budget =
  | { kind: "latency"; scenario: ScenarioId; clients: number; percentile: "p50" | "p95" | "p99"; maxMs: number }
  | { kind: "no-failures"; scenario: ScenarioId }
  | { kind: "javascript"; path: string; maxKiloBytes: number }
  /** The page's JavaScript minus the bare Next.js page's. */
  | { kind: "javascript-over-floor"; path: string; maxKiloBytes: number }
  | { kind: "lighthouse"; path: string; category: "performance" | "accessibility" | "bestPractices"; min: number }
  /** Requests per second as a share of the floor's, at the same number of clients. */
  | { kind: "throughput-ratio"; scenario: ScenarioId; floor: FloorKind; clients: number; min: number }
  /** p99 latency as a multiple of the floor's page p99, at the same number of clients. */
  | { kind: "p99-ratio"; scenario: ScenarioId; floor: FloorKind; clients: number; max: number };

const PUBLIC_JS_PAGES = ["/", "/actualites", "/carte-scolaire"];
const FORM_JS_PAGES = ["/creer-mon-espace", "/espace/declarer-ma-famille"];

/**
 * The goals of issue #14, from each scenario's kind: public pages at 80 % of the static floor's throughput at
 * 50 and 200 clients (and, printed beside, the fallback: 80 % of the dynamic floor); signed-in pages at 70 % of
 * the dynamic floor with a p99 at 200 clients within 1.5x the floor's; server actions with a p99 at 200 clients
 * within 2x the dynamic floor's page p99; no failed answer anywhere. JavaScript: 10 kB gzip over the bare page
 * for public pages, 30 kB for form pages. Lighthouse on a phone: 95 (home) and 90 (declaration form) in
 * performance, 100 in accessibility.
 */
export function goalsFor(scenarios: { id: ScenarioId; kind?: ScenarioKind }[]): Budget[] {
  const goals: Budget[] = [];
  for (const { id, kind } of scenarios) {
    if (kind === "public") {
      for (const clients of [50, 200]) goals.push({ kind: "throughput-ratio", scenario: id, floor: "floor-static", clients, min: 0.8 });
      for (const clients of [50, 200]) goals.push({ kind: "throughput-ratio", scenario: id, floor: "floor-dynamic", clients, min: 0.8 });
    } else if (kind === "signed-in") {
      for (const clients of [50, 200]) goals.push({ kind: "throughput-ratio", scenario: id, floor: "floor-dynamic", clients, min: 0.7 });
      goals.push({ kind: "p99-ratio", scenario: id, floor: "floor-dynamic", clients: 200, max: 1.5 });
    } else if (kind === "action") {
      goals.push({ kind: "p99-ratio", scenario: id, floor: "floor-dynamic", clients: 200, max: 2 });
    }
    if (kind === "public" || kind === "signed-in" || kind === "action") goals.push({ kind: "no-failures", scenario: id });
  }
  goals.push(
    ...PUBLIC_JS_PAGES.map((path): Budget => ({ kind: "javascript-over-floor", path, maxKiloBytes: 10 })),
    ...FORM_JS_PAGES.map((path): Budget => ({ kind: "javascript-over-floor", path, maxKiloBytes: 30 })),
    { kind: "lighthouse", path: "/", category: "performance", min: 95 },
    { kind: "lighthouse", path: "/espace/declarer-ma-famille", category: "performance", min: 90 },
    { kind: "lighthouse", path: "/", category: "accessibility", min: 100 },
    { kind: "lighthouse", path: "/espace/declarer-ma-famille", category: "accessibility", min: 100 },
  );
  return goals;
}

export interface BudgetVerdict {
  budget: Budget;
  /** The budget in words, in French. */
  description: string;
  /** What was measured, or why nothing was. */
  measured: string;
  /** null: not measured in this run (e.g. a level `--quick` skips). */
  ok: boolean | null;
}

const categoryNames = { performance: "performance", accessibility: "accessibilité", bestPractices: "bonnes pratiques" } as const;
const kB = (bytes: number) => bytes / 1024;

function measureAt(results: BenchResults, scenario: ScenarioId, clients: number): LoadMeasure | undefined {
  return results.scenarios.find((candidate) => candidate.id === scenario)?.measures.find((measure) => measure.clients === clients);
}

function floorScenario(results: BenchResults, floor: FloorKind): ScenarioResult | undefined {
  return results.scenarios.find((candidate) => candidate.kind === floor);
}

const floorNames = { "floor-static": "page statique", "floor-dynamic": "page dynamique" } as const;

function scenarioLabel(results: BenchResults, scenario: ScenarioId): string {
  return results.scenarios.find((candidate) => candidate.id === scenario)?.label ?? scenario;
}

export function checkBudget(results: BenchResults, budget: Budget): BudgetVerdict {
  switch (budget.kind) {
    case "latency": {
      const description = `${scenarioLabel(results, budget.scenario)} : ${budget.percentile} à ${budget.clients} clients ≤ ${budget.maxMs} ms`;
      const measure = measureAt(results, budget.scenario, budget.clients);
      const value = measure?.[budget.percentile];
      if (value === undefined || Number.isNaN(value)) return { budget, description, measured: "non mesuré", ok: null };
      return { budget, description, measured: `${Math.round(value)} ms`, ok: value <= budget.maxMs };
    }
    case "no-failures": {
      const description = `${scenarioLabel(results, budget.scenario)} : aucune réponse en erreur`;
      const measures = results.scenarios.find((candidate) => candidate.id === budget.scenario)?.measures ?? [];
      if (measures.length === 0) return { budget, description, measured: "non mesuré", ok: null };
      const failed = measures.reduce((sum, measure) => sum + measure.failed, 0);
      return { budget, description, measured: `${failed} en erreur`, ok: failed === 0 };
    }
    case "javascript": {
      const description = `JavaScript de ${budget.path} ≤ ${budget.maxKiloBytes} ko gzip`;
      const weight = results.javascript.find((candidate) => candidate.path === budget.path);
      if (!weight) return { budget, description, measured: "non mesuré", ok: null };
      return { budget, description, measured: `${kB(weight.gzipBytes).toFixed(1)} ko`, ok: kB(weight.gzipBytes) <= budget.maxKiloBytes };
    }
    case "javascript-over-floor": {
      const description = `JavaScript de ${budget.path} ≤ ${budget.maxKiloBytes} ko gzip de plus que la page Next.js nue`;
      const weight = results.javascript.find((candidate) => candidate.path === budget.path);
      const floor = results.floorJavaScript;
      if (!weight || !floor) return { budget, description, measured: "non mesuré", ok: null };
      const over = kB(weight.gzipBytes - floor.gzipBytes);
      return {
        budget,
        description,
        measured: `+${over.toFixed(1)} ko (${kB(weight.gzipBytes).toFixed(1)} contre ${kB(floor.gzipBytes).toFixed(1)})`,
        ok: over <= budget.maxKiloBytes,
      };
    }
    case "throughput-ratio": {
      const description = `${scenarioLabel(results, budget.scenario)} : req/s à ${budget.clients} clients ≥ ${budget.min} × plancher (${floorNames[budget.floor]})`;
      const measure = measureAt(results, budget.scenario, budget.clients);
      const floorId = floorScenario(results, budget.floor)?.id;
      const floor = floorId === undefined ? undefined : measureAt(results, floorId, budget.clients);
      if (!measure || !floor || floor.requestsPerSecond <= 0) return { budget, description, measured: "non mesuré", ok: null };
      const ratio = measure.requestsPerSecond / floor.requestsPerSecond;
      return {
        budget,
        description,
        measured: `${ratio.toFixed(2)} × (${measure.requestsPerSecond.toFixed(0)} contre ${floor.requestsPerSecond.toFixed(0)} req/s)`,
        ok: ratio >= budget.min,
      };
    }
    case "p99-ratio": {
      const description = `${scenarioLabel(results, budget.scenario)} : p99 à ${budget.clients} clients ≤ ${budget.max} × p99 du plancher (${floorNames[budget.floor]})`;
      const measure = measureAt(results, budget.scenario, budget.clients);
      const floorId = floorScenario(results, budget.floor)?.id;
      const floor = floorId === undefined ? undefined : measureAt(results, floorId, budget.clients);
      if (!measure || !floor || Number.isNaN(measure.p99) || Number.isNaN(floor.p99))
        return { budget, description, measured: "non mesuré", ok: null };
      const ratio = measure.p99 / floor.p99;
      return {
        budget,
        description,
        measured: `${ratio.toFixed(2)} × (${Math.round(measure.p99)} contre ${Math.round(floor.p99)} ms)`,
        ok: ratio <= budget.max,
      };
    }
    case "lighthouse": {
      const description = `Lighthouse ${categoryNames[budget.category]} de ${budget.path} (téléphone) ${budget.min === 100 ? "= 100" : `≥ ${budget.min}`}`;
      const scores = results.lighthouse.find((candidate) => candidate.path === budget.path);
      if (!scores) return { budget, description, measured: "non mesuré", ok: null };
      return { budget, description, measured: String(scores[budget.category]), ok: scores[budget.category] >= budget.min };
    }
  }
}

export const checkBudgets = (results: BenchResults, budgets: Budget[] = goalsFor(results.scenarios)) =>
  budgets.map((budget) => checkBudget(results, budget));

/** The console line of a verdict. */
export function verdictLine(verdict: BudgetVerdict): string {
  if (verdict.ok === null) return `BUDGET NON MESURÉ : ${verdict.description} (${verdict.measured})`;
  return verdict.ok
    ? `Budget tenu : ${verdict.description} (mesuré : ${verdict.measured})`
    : `BUDGET DÉPASSÉ : ${verdict.description} (mesuré : ${verdict.measured})`;
}
