/**
 * The budgets: what the portal promises on this kind of machine. A budget that fails is printed plainly
 * ("BUDGET DÉPASSÉ : ...") and makes `npm run bench` exit with code 1. Pure: unit-tested.
 */
import type { BenchResults, ScenarioId } from "./results";
import type { LoadMeasure } from "./stats";

export type Budget =
  | { kind: "latency"; scenario: ScenarioId; clients: number; percentile: "p50" | "p95" | "p99"; maxMs: number }
  | { kind: "no-failures"; scenario: ScenarioId }
  | { kind: "javascript"; path: string; maxKiloBytes: number }
  | { kind: "lighthouse"; path: string; category: "performance" | "accessibility" | "bestPractices"; min: number };

const PHONE_PAGES = ["/", "/espace/declarer-ma-famille"];
const JS_PAGES = ["/", "/creer-mon-espace", "/espace", "/espace/declarer-ma-famille", "/admin/connexion"];

/**
 * Latencies at 10 clients: a town's portal on opening day of the holiday enrolments, on a small server.
 * 170 kB of gzipped JavaScript: the usual first-load budget for a mid-range phone on 4G to be
 * interactive within a few seconds. Lighthouse: RGAA means 100 in accessibility; 90 is Lighthouse's "good".
 */
export const BUDGETS: Budget[] = [
  { kind: "latency", scenario: "home", clients: 10, percentile: "p95", maxMs: 500 },
  { kind: "latency", scenario: "espace", clients: 10, percentile: "p95", maxMs: 800 },
  { kind: "latency", scenario: "invoices", clients: 10, percentile: "p95", maxMs: 800 },
  { kind: "latency", scenario: "wizard", clients: 10, percentile: "p95", maxMs: 1000 },
  { kind: "latency", scenario: "declaration", clients: 10, percentile: "p95", maxMs: 1500 },
  ...(["home", "espace", "invoices", "wizard", "declaration"] as const).map((scenario): Budget => ({ kind: "no-failures", scenario })),
  ...JS_PAGES.map((path): Budget => ({ kind: "javascript", path, maxKiloBytes: 170 })),
  ...PHONE_PAGES.map((path): Budget => ({ kind: "lighthouse", path, category: "accessibility", min: 100 })),
  ...PHONE_PAGES.map((path): Budget => ({ kind: "lighthouse", path, category: "performance", min: 90 })),
  ...PHONE_PAGES.map((path): Budget => ({ kind: "lighthouse", path, category: "bestPractices", min: 90 })),
];

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
    case "lighthouse": {
      const description = `Lighthouse ${categoryNames[budget.category]} de ${budget.path} (téléphone) ${budget.min === 100 ? "= 100" : `≥ ${budget.min}`}`;
      const scores = results.lighthouse.find((candidate) => candidate.path === budget.path);
      if (!scores) return { budget, description, measured: "non mesuré", ok: null };
      return { budget, description, measured: String(scores[budget.category]), ok: scores[budget.category] >= budget.min };
    }
  }
}

export const checkBudgets = (results: BenchResults, budgets: Budget[] = BUDGETS) => budgets.map((budget) => checkBudget(results, budget));

/** The console line of a verdict. */
export function verdictLine(verdict: BudgetVerdict): string {
  if (verdict.ok === null) return `BUDGET NON MESURÉ : ${verdict.description} (${verdict.measured})`;
  return verdict.ok ? `Budget tenu : ${verdict.description} (mesuré : ${verdict.measured})` : `BUDGET DÉPASSÉ : ${verdict.description} (mesuré : ${verdict.measured})`;
}
