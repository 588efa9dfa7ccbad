import { checkBudget, checkBudgets, goalsFor, verdictLine, type Budget } from "@/scripts/bench/budgets";
import { topFunctions, shortLocation } from "@/scripts/bench/profile";
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

describe("goals against the floor", () => {
  const measure = (clients: number, requestsPerSecond: number, p99: number) => ({
    clients,
    ok: 100,
    failed: 0,
    durationSeconds: 8,
    requestsPerSecond,
    p50: p99 / 2,
    p95: p99,
    p99,
  });
  const floored = (): BenchResults =>
    results({
      scenarios: [
        {
          id: "floor-static",
          label: "Plancher statique",
          kind: "floor-static",
          measures: [measure(50, 1000, 80), measure(200, 1000, 300)],
        },
        {
          id: "floor-dynamic",
          label: "Plancher dynamique",
          kind: "floor-dynamic",
          measures: [measure(50, 150, 500), measure(200, 150, 2000)],
        },
        { id: "home", label: "Accueil", kind: "public", measures: [measure(50, 850, 90), measure(200, 700, 400)] },
        { id: "espace", label: "Espace", kind: "signed-in", measures: [measure(50, 120, 600), measure(200, 100, 3100)] },
        { id: "wizard", label: "Assistant", kind: "action", measures: [measure(50, 60, 900), measure(200, 60, 3900)] },
      ],
      javascript: [{ label: "Accueil", path: "/", files: 10, gzipBytes: 112 * 1024, rawBytes: 300 * 1024 }],
      floorJavaScript: { label: "Nue", path: "/", files: 8, gzipBytes: 100 * 1024, rawBytes: 280 * 1024 },
    });

  test("public pages against the static floor, signed-in pages and actions against the dynamic one", () => {
    const verdicts = checkBudgets(floored());
    const find = (start: string) => verdicts.find((verdict) => verdict.description.startsWith(start))!;
    expect(find("Accueil : req/s à 50 clients ≥ 0.8 × plancher (page statique)")).toMatchObject({
      ok: true,
      measured: "0.85 × (850 contre 1000 req/s)",
    });
    expect(find("Accueil : req/s à 200 clients ≥ 0.8 × plancher (page statique)").ok).toBe(false);
    expect(find("Espace : req/s à 50 clients ≥ 0.7 × plancher (page dynamique)").ok).toBe(true);
    expect(find("Espace : p99 à 200 clients ≤ 1.5 × p99 du plancher").ok).toBe(false);
    expect(find("Assistant : p99 à 200 clients ≤ 2 × p99 du plancher").ok).toBe(true);
    expect(find("JavaScript de / ≤ 10 ko")).toMatchObject({ ok: false, measured: "+12.0 ko (112.0 contre 100.0)" });
    // Not measured in this run: neither held nor failed.
    expect(find("JavaScript de /actualites").ok).toBeNull();
  });

  test("every portal scenario must answer without failure; the floors have no goal", () => {
    const goals = goalsFor([
      { id: "floor-static", kind: "floor-static" },
      { id: "home", kind: "public" },
    ]);
    expect(goals.filter((goal) => goal.kind === "no-failures")).toEqual([{ kind: "no-failures", scenario: "home" }]);
  });
});

describe("CPU profile", () => {
  test("self time per function, idle left out, largest first, with where it lives", () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 1 });
    const { busyMs, functions } = topFunctions({
      nodes: [
        { id: 1, callFrame: frame("(idle)", "") },
        { id: 2, callFrame: frame("renderToString", "file:///app/node_modules/react-dom/cjs/server.js") },
        { id: 3, callFrame: frame("query", "file:///app/node_modules/@prisma/client/runtime/client.js") },
      ],
      samples: [1, 2, 3, 2, 1],
      timeDeltas: [5000, 1000, 500, 1500, 9000],
    });
    expect(busyMs).toBe(3);
    expect(functions.map((fn) => [fn.name, fn.where, fn.selfMs])).toEqual([
      ["renderToString", "react-dom", 2.5],
      ["query", "@prisma/client", 0.5],
    ]);
    expect(shortLocation("file:///srv/.next/server/chunks/ssr/app_page.js")).toBe(".next/server/chunks/ssr/app_page.js");
    expect(shortLocation("node:internal/http")).toBe("node:internal/http");
  });
});

describe("report", () => {
  test("shows each measure as a table row, failed budgets plainly, and links the chart", () => {
    const data = results();
    const report = renderReport(
      data,
      checkBudgets(data, [{ kind: "latency", scenario: "home", clients: 10, percentile: "p95", maxMs: 500 }]),
      "latest-chart.png",
    );
    expect(report).toContain("| Accueil public (/) | 10 | 12.5 |  | 300 | 650 | 900 | 100 | 3 |");
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
    const svg = renderChart(
      "Titre",
      [1, 10, 50],
      [
        {
          title: "Req/s",
          series: [
            {
              label: "Accueil <public> & co",
              color: "#123456",
              points: [
                { clients: 1, value: 10 },
                { clients: 10, value: 20 },
                { clients: 50, value: 15 },
              ],
            },
            {
              label: "Plafond",
              color: "#654321",
              dashed: true,
              points: [
                { clients: 1, value: 1000 },
                { clients: 10, value: 1100 },
              ],
            },
          ],
        },
      ],
    );
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
    const body = actionReply(
      [{ status: "idle" }],
      [
        ["login", "maurice"],
        ["password", "secret"],
      ],
    );
    expect([...body.keys()]).toEqual(["_1_login", "_1_password", "0"]);
    expect(body.get("0")).toBe('[{"status":"idle"},"$K1"]');
    const raw = multipartActionReply(["identite"], [["usageName", "DURAND"]], "B").body.toString();
    expect(raw).toBe(
      '--B\r\nContent-Disposition: form-data; name="_1_usageName"\r\n\r\nDURAND\r\n--B\r\nContent-Disposition: form-data; name="0"\r\n\r\n["identite","$K1"]\r\n--B--\r\n',
    );
  });

  test("keeps the name and value of each Set-Cookie, the last one winning", () => {
    const jar = mergeCookies(new Map(), ["a=1; Path=/; HttpOnly", "authjs.session-token=x.y=z; Path=/", "a=2"]);
    expect([...jar]).toEqual([
      ["a", "2"],
      ["authjs.session-token", "x.y=z"],
    ]);
  });
});
