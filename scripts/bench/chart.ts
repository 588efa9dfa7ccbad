/**
 * The report's chart, drawn as SVG by hand (no chart library): one panel per measure, x = concurrent
 * clients, logarithmic y (the ceiling is two orders of magnitude above the portal). Pure: unit-tested;
 * `sharp` turns the SVG into the PNG the report shows.
 */
import type { ScenarioResult } from "./results";

export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: { clients: number; value: number }[];
}

export interface ChartPanel {
  title: string;
  series: ChartSeries[];
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Powers of ten from just below the smallest positive value to just above the largest. */
export function logTicks(values: number[]): number[] {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  if (positive.length === 0) return [1, 10];
  const low = Math.floor(Math.log10(Math.min(...positive)));
  let high = Math.ceil(Math.log10(Math.max(...positive)));
  if (high === low) high += 1;
  return Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
}

const tickLabel = (value: number) => value.toLocaleString("fr-FR");

const PANEL = { width: 560, height: 400, left: 70, right: 20, top: 40, bottom: 50 };

function renderPanel(panel: ChartPanel, levels: number[], offsetX: number, offsetY: number): string {
  const plotWidth = PANEL.width - PANEL.left - PANEL.right;
  const plotHeight = PANEL.height - PANEL.top - PANEL.bottom;
  const ticks = logTicks(panel.series.flatMap((series) => series.points.map((point) => point.value)));
  const logMin = Math.log10(ticks[0]!);
  const logMax = Math.log10(ticks[ticks.length - 1]!);
  const x = (clients: number) => {
    const index = levels.indexOf(clients);
    return offsetX + PANEL.left + (levels.length === 1 ? plotWidth / 2 : (index / (levels.length - 1)) * plotWidth);
  };
  const y = (value: number) =>
    offsetY + PANEL.top + plotHeight - ((Math.log10(Math.max(value, ticks[0]!)) - logMin) / (logMax - logMin)) * plotHeight;
  const parts: string[] = [];
  parts.push(
    `<text x="${offsetX + PANEL.width / 2}" y="${offsetY + 24}" text-anchor="middle" font-size="17" font-weight="bold">${escapeXml(panel.title)}</text>`,
  );
  for (const tick of ticks) {
    const ty = y(tick).toFixed(1);
    parts.push(
      `<line x1="${offsetX + PANEL.left}" x2="${offsetX + PANEL.left + plotWidth}" y1="${ty}" y2="${ty}" stroke="#d0d5dd" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${offsetX + PANEL.left - 8}" y="${ty}" text-anchor="end" dominant-baseline="middle" font-size="13">${tickLabel(tick)}</text>`,
    );
  }
  for (const clients of levels) {
    parts.push(
      `<text x="${x(clients).toFixed(1)}" y="${offsetY + PANEL.top + plotHeight + 20}" text-anchor="middle" font-size="13">${clients}</text>`,
    );
  }
  parts.push(
    `<text x="${offsetX + PANEL.left + plotWidth / 2}" y="${offsetY + PANEL.height - 8}" text-anchor="middle" font-size="13">clients simultanés</text>`,
  );
  parts.push(
    `<rect x="${offsetX + PANEL.left}" y="${offsetY + PANEL.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#667085"/>`,
  );
  for (const series of panel.series) {
    const points = series.points.filter((point) => levels.includes(point.clients) && point.value > 0 && Number.isFinite(point.value));
    if (points.length === 0) continue;
    const path = points.map((point) => `${x(point.clients).toFixed(1)},${y(point.value).toFixed(1)}`).join(" ");
    parts.push(
      `<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2.5"${series.dashed ? ' stroke-dasharray="7 5"' : ""}/>`,
    );
    for (const point of points)
      parts.push(`<circle cx="${x(point.clients).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="4" fill="${series.color}"/>`);
  }
  return parts.join("\n");
}

/** The whole chart: panels side by side, one shared legend underneath. */
export function renderChart(title: string, levels: number[], panels: ChartPanel[]): string {
  const width = PANEL.width * panels.length + 20;
  const legend = panels[0]?.series ?? [];
  const legendRows = Math.ceil(legend.length / 3);
  const height = 40 + PANEL.height + 20 + legendRows * 24 + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Verdana, sans-serif" fill="#101828">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="26" text-anchor="middle" font-size="19" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  panels.forEach((panel, index) => parts.push(renderPanel(panel, levels, 10 + index * PANEL.width, 40)));
  legend.forEach((series, index) => {
    const lx = 40 + (index % 3) * ((width - 80) / 3);
    const ly = 40 + PANEL.height + 30 + Math.floor(index / 3) * 24;
    parts.push(
      `<line x1="${lx}" x2="${lx + 30}" y1="${ly}" y2="${ly}" stroke="${series.color}" stroke-width="3"${series.dashed ? ' stroke-dasharray="7 5"' : ""}/>`,
    );
    parts.push(`<text x="${lx + 38}" y="${ly}" dominant-baseline="middle" font-size="14">${escapeXml(series.label)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}

/** The scenarios drawn (the others are in the report's table): the ceiling, the floors, and one of each kind. */
const COLORS: Record<string, string> = {
  ceiling: "#667085",
  "floor-static": "#98a2b3",
  "floor-dynamic": "#475467",
  home: "#1d4ed8",
  espace: "#15803d",
  wizard: "#b45309",
  declaration: "#b42318",
};

/** The report's chart: requests per second and p95 latency per scenario. */
export function benchChart(scenarios: ScenarioResult[], levels: number[]): string {
  const series = (value: (measure: ScenarioResult["measures"][number]) => number) =>
    scenarios
      .filter((scenario) => scenario.id in COLORS)
      .map((scenario) => ({
        label: scenario.label,
        color: COLORS[scenario.id] ?? "#000000",
        dashed: scenario.id === "ceiling" || scenario.id.startsWith("floor-"),
        points: scenario.measures.map((measure) => ({ clients: measure.clients, value: value(measure) })),
      }));
  return renderChart("Espace Famille : charge selon le nombre de clients simultanés", levels, [
    { title: "Requêtes par seconde (échelle log.)", series: series((measure) => measure.requestsPerSecond) },
    { title: "Latence p95 en ms (échelle log.)", series: series((measure) => measure.p95) },
  ]);
}
