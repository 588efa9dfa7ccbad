import { checkBudget, checkBudgets, verdictLine, type Budget } from "@/scripts/bench/budgets";
import { logTicks, renderChart } from "@/scripts/bench/chart";
import { actionOfFormWith, actionReply, mergeCookies, multipartActionReply, renderedForms } from "@/scripts/bench/next-actions";
import { renderReport } from "@/scripts/bench/report";
import type { BenchResults } from "@/scripts/bench/results";
import { countServerErrors, medianBy, percentile, summarize } from "@/scripts/bench/stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);

  test("on 1..100 the p-th percentile is p", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  test("is always one of the samples, rounding the rank up", () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([7], 1)).toBe(7);
  });

  test("has no value without samples and refuses a p outside ]0, 100]", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1, 2], 0)).toThrow(RangeError);
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
  });

  test("summarize sorts the latencies and counts the throughput of successful answers only", () => {
    const measure = summarize(10, [300, 100, 200, 400], 2, 2);
    expect(measure).toEqual({ clients: 10, ok: 4, failed: 2, durationSeconds: 2, requestsPerSecond: 2, p50: 200, p95: 400, p99: 400 });
  });
});

test("medianBy keeps the middle run, the lower middle for an even count", () => {
  const runs = [{ performance: 58 }, { performance: 87 }, { performance: 82 }];
  expect(medianBy(runs, (run) => run.performance)).toBe(runs[2]);
  expect(medianBy([{ p: 4 }, { p: 1 }, { p: 3 }, { p: 2 }], (run) => run.p)).toEqual({ p: 2 });
  expect(() => medianBy([], () => 0)).toThrow(RangeError);
});

test("countServerErrors counts the errors Next.js printed by message, most frequent first", () => {
  const output = [
    "⨯ Error [PrismaClientKnownRequestError]: Transaction API error: Unable to start a transaction in the given time.",
    "    at async t (.next/server/chunks/ssr/x.js:1:11553) {",
    "  code: 'P2028',",
    "⨯ Error: boom",
    "⨯ Error [PrismaClientKnownRequestError]: Transaction API error: Unable to start a transaction in the given time.",
  ].join("\n");
  expect(countServerErrors(output)).toEqual([
    { message: "Error [PrismaClientKnownRequestError]: Transaction API error: Unable to start a transaction in the given time.", count: 2 },
    { message: "Error: boom", count: 1 },
  ]);
  expect(countServerErrors("ready on http://127.0.0.1:3100\n")).toEqual([]);
});

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    startedAt: "2026-11-28T07:00:00.000Z",
    quick: false,
    secondsPerLevel: 8,
    totalSeconds: 300,
    machine: { cpuModel: "test", cores: 2, memoryGiB: 4, node: "v20", os: "Linux", loadAverage: 0 },
    loadAverageAtEnd: 0,
    scenarios: [
      {
        id: "home",
        label: "Accueil public (/)",
        measures: [
          { clients: 1, ok: 100, failed: 0, durationSeconds: 8, requestsPerSecond: 12.5, p50: 40, p95: 90, p99: 120 },
          { clients: 10, ok: 100, failed: 3, durationSeconds: 8, requestsPerSecond: 12.5, p50: 300, p95: 650, p99: 900 },
        ],
      },
    ],
    javascript: [{ label: "Accueil", path: "/", files: 10, gzipBytes: 150 * 1024, rawBytes: 500 * 1024 }],
    lighthouse: [
      {
        label: "Accueil",
        path: "/",
        performance: 89,
        accessibility: 100,
        bestPractices: 96,
        metrics: { firstContentfulPaint: 1200, largestContentfulPaint: 2900, totalBlockingTime: 150, cumulativeLayoutShift: 0 },
      },
    ],
    serverErrors: [],
    skipped: [],
    ...overrides,
  };
}

describe("budgets", () => {
  test("a p95 over its limit fails and is printed as BUDGET DÉPASSÉ with the measure", () => {
    const verdict = checkBudget(results(), { kind: "latency", scenario: "home", clients: 10, percentile: "p95", maxMs: 500 });
    expect(verdict.ok).toBe(false);
    expect(verdict.measured).toBe("650 ms");
    expect(verdictLine(verdict)).toBe("BUDGET DÉPASSÉ : Accueil public (/) : p95 à 10 clients ≤ 500 ms (mesuré : 650 ms)");
  });

  test("a p95 within its limit holds; a level the run did not measure is neither held nor failed", () => {
    expect(checkBudget(results(), { kind: "latency", scenario: "home", clients: 10, percentile: "p95", maxMs: 650 }).ok).toBe(true);
    const missing = checkBudget(results(), { kind: "latency", scenario: "home", clients: 200, percentile: "p95", maxMs: 500 });
    expect(missing.ok).toBeNull();
    expect(verdictLine(missing)).toMatch(/^BUDGET NON MESURÉ/);
  });

  test("failed answers at any level fail the scenario's no-failure budget", () => {
    expect(checkBudget(results(), { kind: "no-failures", scenario: "home" })).toMatchObject({ ok: false, measured: "3 en erreur" });
  });

  test("JavaScript is compared in kilobytes (1024 bytes), Lighthouse scores against their minimum", () => {
    const budgets: Budget[] = [
      { kind: "javascript", path: "/", maxKiloBytes: 150 },
      { kind: "javascript", path: "/", maxKiloBytes: 149 },
      { kind: "lighthouse", path: "/", category: "accessibility", min: 100 },
      { kind: "lighthouse", path: "/", category: "performance", min: 90 },
    ];
    expect(checkBudgets(results(), budgets).map((verdict) => verdict.ok)).toEqual([true, false, true, false]);
  });
});

describe("report", () => {
  test("shows each measure as a table row, failed budgets plainly, and links the chart", () => {
    const data = results();
    const report = renderReport(data, checkBudgets(data, [{ kind: "latency", scenario: "home", clients: 10, percentile: "p95", maxMs: 500 }]), "latest-chart.png");
    expect(report).toContain("| Accueil public (/) | 10 | 12.5 | 300 | 650 | 900 | 100 | 3 |");
    expect(report).toContain("| Accueil public (/) : p95 à 10 clients ≤ 500 ms | 650 ms | ❌ **DÉPASSÉ** |");
    expect(report).toContain("| Accueil (`/`) | 10 | 150.0 | 500.0 |");
    expect(report).toContain("| Accueil (`/`) | 89 | 100 | 96 | 1.2 s | 2.9 s | 150 ms | 0.000 |");
    expect(report).toContain("![Requêtes par seconde et latence p95 selon le nombre de clients](latest-chart.png)");
    expect(report).toContain("**2 cœurs**");
  });
});

describe("chart", () => {
  test("log ticks are the powers of ten around the values", () => {
    expect(logTicks([3, 45, 1200])).toEqual([1, 10, 100, 1000, 10000]);
    expect(logTicks([0.5, 7])).toEqual([0.1, 1, 10]);
    expect(logTicks([10])).toEqual([10, 100]);
    expect(logTicks([0, Number.NaN])).toEqual([1, 10]);
  });

  test("the SVG has one line per series through each level, and escapes the labels", () => {
    const svg = renderChart("Titre", [1, 10, 50], [
      {
        title: "Req/s",
        series: [
          { label: "Accueil <public> & co", color: "#123456", points: [{ clients: 1, value: 10 }, { clients: 10, value: 20 }, { clients: 50, value: 15 }] },
          { label: "Plafond", color: "#654321", dashed: true, points: [{ clients: 1, value: 1000 }, { clients: 10, value: 1100 }] },
        ],
      },
    ]);
    expect(svg.startsWith("<svg")).toBe(true);
    const lines = [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((match) => match[1]!.split(" ").length);
    expect(lines).toEqual([3, 2]);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg).toContain("Accueil &lt;public&gt; &amp; co");
    expect(svg).toContain('stroke-dasharray="7 5"');
    // Higher values are drawn higher up: the ceiling's first point is above the home page's.
    const firstY = (color: string) => Number(new RegExp(`cy="([0-9.]+)" r="4" fill="${color}"`).exec(svg)![1]);
    expect(firstY("#654321")).toBeLessThan(firstY("#123456"));
  });
});

describe("server actions over HTTP", () => {
  const page = `
    <form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_1"/>
      <input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;60318e35&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
      <input name="login" type="text"/><input name="password" type="password"/></form>
    <form action="" method="POST"><input type="hidden" name="$ACTION_ID_7f00aa"/><button>Se déconnecter</button></form>`;

  test("finds each form's action, bound or plain, and picks the one with a given field", () => {
    expect(renderedForms(page).map((form) => form.actionId)).toEqual(["60318e35", "7f00aa"]);
    expect(actionOfFormWith(page, "login")).toBe("60318e35");
    expect(() => actionOfFormWith(page, "cle")).toThrow(/cle/);
  });

  test("encodes the form's fields under _1_ before the root that references them", () => {
    const body = actionReply([{ status: "idle" }], [["login", "maurice"], ["password", "secret"]]);
    expect([...body.keys()]).toEqual(["_1_login", "_1_password", "0"]);
    expect(body.get("0")).toBe('[{"status":"idle"},"$K1"]');
    const raw = multipartActionReply(["identite"], [["usageName", "DURAND"]], "B").body.toString();
    expect(raw).toBe('--B\r\nContent-Disposition: form-data; name="_1_usageName"\r\n\r\nDURAND\r\n--B\r\nContent-Disposition: form-data; name="0"\r\n\r\n["identite","$K1"]\r\n--B--\r\n');
  });

  test("keeps the name and value of each Set-Cookie, the last one winning", () => {
    const jar = mergeCookies(new Map(), ["a=1; Path=/; HttpOnly", "authjs.session-token=x.y=z; Path=/", "a=2"]);
    expect([...jar]).toEqual([["a", "2"], ["authjs.session-token", "x.y=z"]]);
  });
});
