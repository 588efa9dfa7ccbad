/** What one run of `npm run bench` measured: the shape the report, the chart and the budgets read. */
import type { JavaScriptWeight, LighthouseScores } from "./browser";
import type { LoadMeasure } from "./stats";

export type ScenarioId = "ceiling" | "home" | "espace" | "wizard" | "declaration" | "invoices";

export interface ScenarioResult {
  id: ScenarioId;
  label: string;
  measures: LoadMeasure[];
}

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started: other work on the machine. */
  loadAverage: number;
}

export interface BenchResults {
  startedAt: string;
  quick: boolean;
  secondsPerLevel: number;
  totalSeconds: number;
  machine: MachineInfo;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: number;
  scenarios: ScenarioResult[];
  javascript: JavaScriptWeight[];
  lighthouse: LighthouseScores[];
  /** What the portal logged as errors during the run, counted by message. */
  serverErrors: { message: string; count: number }[];
  /** Steps that could not be measured, with the reason (the report says so rather than failing). */
  skipped: string[];
}
