import { geoConicEqualArea, geoPath } from "d3-geo";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import type { RegionRow } from "../api-types.js";
import { h, s } from "../dom.js";
import { num } from "../format.js";
import type { RegionFeature, RegionProps } from "./geo.js";
import { type LabelCandidate, placeLabels, shortName } from "./labels.js";

export type Measure = "attacks" | "launched" | "hit" | "casualties";

export const MEASURES: Record<Measure, string> = {
  attacks: "attacks naming the region",
  launched: "weapons launched at the region",
  hit: "hits reported",
  casualties: "people killed or injured",
};

export interface ChoroplethOptions {
  width: number;
  measure: Measure;
  selected?: string | null;
  /** `attacked`: Ukraine and the Russian regions with attacks in the rows; `ukraine`: Ukraine alone. */
  frame?: "attacked" | "ukraine";
  /** A point inside each region (the gazetteer's), where its label goes; else the shape's centroid. */
  labelAt?: ReadonlyMap<string, [number, number]>;
  onFocus?: (iso: string, row: RegionRow | null) => void;
  onSelect?: (iso: string) => void;
}

const BINS = 5;

/** Upper bounds of the colour classes: quadratic steps, so a few heavily hit regions do not wash out the rest. */
export function thresholds(max: number): number[] {
  if (max <= BINS) return Array.from({ length: BINS }, (_, i) => i + 1).filter((v) => v <= Math.max(1, max));
  const out: number[] = [];
  for (let i = 1; i <= BINS; i++) {
    const v = Math.max(1, Math.round(max * (i / BINS) ** 2));
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function binOf(v: number, bounds: number[]): number {
  const i = bounds.findIndex((b) => v <= b);
  return i < 0 ? bounds.length - 1 : i;
}

export function regionSummary(name: string, row: RegionRow | null): string {
  if (!row || row.attacks === 0) return `${name}: no attacks in this period`;
  const parts = [`${num(row.attacks)} attack${row.attacks === 1 ? "" : "s"}`];
  if (row.launched) parts.push(`${num(row.launched)} launched`);
  if (row.intercepted) parts.push(`${num(row.intercepted)} intercepted`);
  if (row.hit) parts.push(`${num(row.hit)} hits`);
  if (row.casualties) parts.push(`${num(row.casualties)} casualties`);
  return `${name}: ${parts.join(", ")}`;
}

/** The smallest side, in pixels, a region needs to be tapped with a finger; smaller ones get a round target. */
const TAP = 24;

/**
 * Regions shaded by the chosen measure, framed on Ukraine and the Russian regions actually attacked; each region
 * is a focusable, labelled button, with its short name drawn where it fits.
 */
export function choropleth(features: RegionFeature[], rows: RegionRow[], options: ChoroplethOptions): SVGSVGElement {
  const width = Math.max(280, options.width);
  const byIso = new Map(rows.map((r) => [r.region, r]));
  const value = (iso: string) => Number(byIso.get(iso)?.[options.measure] ?? 0);
  const attacked = (iso: string) => (byIso.get(iso)?.attacks ?? 0) > 0;
  const max = Math.max(0, ...features.map((f) => value(f.properties.iso)));
  const bounds = thresholds(max);
  const framed: FeatureCollection<Polygon | MultiPolygon, RegionProps> = {
    type: "FeatureCollection",
    features: features.filter((f) => f.properties.country === "UA" || (options.frame !== "ukraine" && attacked(f.properties.iso))),
  };
  const projection = geoConicEqualArea().parallels([45, 57]).rotate([-40, 0]);
  // The frame's own proportions, within reason: a wide strip or a tall column would waste the screen.
  projection.fitWidth(width - 16, framed);
  const [[, y0], [, y1]] = geoPath(projection).bounds(framed);
  const height = Math.round(Math.min(width * 0.95, Math.max(width * 0.5, y1 - y0 + 16)));
  projection.fitExtent(
    [
      [8, 8],
      [width - 8, height - 8],
    ],
    framed,
  );
  const path = geoPath(projection);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: "chart map",
    role: "group",
    "aria-label": `Map of the regions of Ukraine${options.frame === "ukraine" ? "" : " and of Russia that were attacked"}, shaded by ${MEASURES[options.measure]}. Arrow keys move between regions, Enter lists a region's attacks.`,
  });
  // Ukraine last so its borders draw on top of Russia's.
  const ordered = [...features].sort((a, b) => (a.properties.country === "UA" ? 1 : 0) - (b.properties.country === "UA" ? 1 : 0));
  // Roving focus: the map is one tab stop; arrow keys walk the drawn regions in alphabetical order.
  const keyOrder: string[] = [];
  const elements = new Map<string, SVGPathElement>();
  const taps: SVGCircleElement[] = [];
  const labels: LabelCandidate[] = [];
  const names = shortNames(features);
  for (const f of ordered) {
    const iso = f.properties.iso;
    const v = value(iso);
    const row = byIso.get(iso) ?? null;
    const d = path(f);
    if (!d) continue;
    const [[bx0, by0], [bx1, by1]] = path.bounds(f);
    // Off the frame entirely: nothing to show or to tab to.
    if (bx1 < 0 || by1 < 0 || bx0 > width || by0 > height) continue;
    const el = s("path", {
      d,
      class: `region ${v > 0 ? `bin-${binOf(v, bounds)}` : "bin-none"} ${f.properties.country === "UA" ? "ua" : "ru"}${attacked(iso) ? "" : " quiet"}`,
      tabindex: -1,
      role: "button",
      "aria-label": regionSummary(f.properties.name, row),
      "aria-pressed": options.selected === iso ? "true" : "false",
      "data-iso": iso,
    });
    const focus = () => options.onFocus?.(iso, row);
    el.addEventListener("mouseenter", focus);
    el.addEventListener("focus", focus);
    el.addEventListener("click", () => options.onSelect?.(iso));
    el.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        options.onSelect?.(iso);
        return;
      }
      const step = e.key === "ArrowRight" || e.key === "ArrowDown" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? -1 : 0;
      const jump = e.key === "Home" ? 0 : e.key === "End" ? keyOrder.length - 1 : -1;
      if (!step && jump < 0) return;
      e.preventDefault();
      const at = keyOrder.indexOf(iso);
      const next = keyOrder[jump >= 0 ? jump : (at + step + keyOrder.length) % keyOrder.length];
      const target = next ? elements.get(next) : undefined;
      if (!target) return;
      el.setAttribute("tabindex", "-1");
      target.setAttribute("tabindex", "0");
      target.focus();
    });
    elements.set(iso, el);
    svg.append(el);
    const point = options.labelAt?.get(iso);
    const [lx, ly] = (point ? projection(point) : null) ?? path.centroid(f);
    if (!Number.isFinite(lx) || !Number.isFinite(ly)) continue;
    if (bx1 - bx0 < TAP || by1 - by0 < TAP) {
      const tap = s("circle", { cx: lx, cy: ly, r: TAP / 2, class: "tap", "aria-hidden": "true", "data-iso": iso });
      tap.addEventListener("mouseenter", focus);
      tap.addEventListener("click", () => options.onSelect?.(iso));
      taps.push(tap);
    }
    if (f.properties.country === "UA" || attacked(iso)) {
      labels.push({ id: iso, text: names.get(iso) ?? f.properties.name, x: lx, y: ly, priority: (f.properties.country === "UA" ? 1e9 : 0) + (iso === "UA-30" ? 1e10 : 0) + v });
    }
  }
  const nameOf = new Map(features.map((f) => [f.properties.iso, f.properties.name]));
  keyOrder.push(...[...elements.keys()].sort((a, b) => (nameOf.get(a) ?? a).localeCompare(nameOf.get(b) ?? b)));
  const initial = options.selected && elements.has(options.selected) ? options.selected : keyOrder[0];
  if (initial) elements.get(initial)?.setAttribute("tabindex", "0");
  svg.append(...taps);
  const fontSize = width < 500 ? 9 : 11;
  const layer = s("g", { class: "labels", "aria-hidden": "true", "font-size": fontSize });
  for (const l of placeLabels(labels, { width, height }, fontSize)) {
    layer.append(s("text", { x: l.x, y: l.y, "text-anchor": "middle", "dominant-baseline": "central", "data-iso": l.id }, l.text));
  }
  svg.append(layer);
  return svg;
}

function shortNames(features: RegionFeature[]): Map<string, string> {
  // Names that are already short (cities) claim theirs first.
  const taken = new Set(features.map((f) => f.properties.name).filter((n) => shortName(n) === n));
  return new Map(features.map((f) => [f.properties.iso, shortName(f.properties.name, taken)]));
}

/** The colour key: one swatch per class with its range, and one for regions without attacks. */
export function choroplethLegend(rows: RegionRow[], measure: Measure, isos: Set<string>): HTMLElement {
  const max = Math.max(0, ...rows.filter((r) => isos.has(r.region)).map((r) => Number(r[measure] ?? 0)));
  const bounds = thresholds(max);
  const ul = h("ul", { class: "legend map-legend", "aria-label": `Legend: ${MEASURES[measure]}` });
  ul.append(h("li", null, h("span", { class: "swatch bin-none", "aria-hidden": "true" }), "none"));
  let lo = 1;
  bounds.forEach((b, i) => {
    ul.append(h("li", null, h("span", { class: `swatch bin-${i}`, "aria-hidden": "true" }), lo === b ? num(b) : `${num(lo)}–${num(b)}`));
    lo = b + 1;
  });
  return ul;
}
