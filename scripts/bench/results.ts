/** What one run of `npm run bench` measured: the shape the report, the chart and the budgets read. */
import type { JavaScriptWeight, LighthouseScores } from "./browser";
import type { HotFunction } from "./profile";
import type { LoadMeasure } from "./stats";

export type ScenarioId = string;

/**
 * What a scenario is compared with: the bare Node.js server (ceiling), the bare Next.js app's static page
 * (public pages) or its dynamic page behind a nonce-CSP proxy (signed-in pages, server actions).
 */
export type ScenarioKind = "ceiling" | "floor-static" | "floor-dynamic" | "public" | "signed-in" | "action";

export interface ScenarioResult {
  id: ScenarioId;
  label: string;
  kind?: ScenarioKind;
  measures: LoadMeasure[];
}

export interface ServerProfile {
  scenario: ScenarioId;
  label: string;
  clients: number;
  requests: number;
  /** Busy CPU time of the server process per request, from its CPU profile. */
  cpuMsPerRequest: number;
  /** PostgreSQL's active time in the bench database per request (pg_stat_database.active_time). */
  databaseMsPerRequest: number;
  /** Committed transactions per request: each statement outside a transaction is one (≈ round trips). */
  transactionsPerRequest: number;
  functions: HotFunction[];
}

export interface ScalingResult {
  scenario: ScenarioId;
  label: string;
  single: LoadMeasure[];
  balanced: LoadMeasure[];
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
  /** The load tool's timeout: an answer later than this counts as an error. */
  timeoutSeconds?: number;
  /** HTML bytes of the portal's home and of the floor's pages (they are sized alike). */
  pageBytes?: { home: number; floorStatic: number; floorDynamic: number };
  scenarios: ScenarioResult[];
  javascript: JavaScriptWeight[];
  /** The bare Next.js page's JavaScript: what any page of the framework ships. */
  floorJavaScript?: JavaScriptWeight;
  lighthouse: LighthouseScores[];
  profiles?: ServerProfile[];
  scaling?: ScalingResult;
  /** What the portal logged as errors during the run, counted by message. */
  serverErrors: { message: string; count: number }[];
  /** Steps that could not be measured, with the reason (the report says so rather than failing). */
  skipped: string[];
}
