import { geoConicEqualArea, geoPath } from "d3-geo";
import type { RegionRow } from "../api-types.js";
import { h, s } from "../dom.js";
import { num } from "../format.js";
import type { RegionFeature } from "./geo.js";

export type Measure = "attacks" | "launched" | "hit" | "casualties";

export const MEASURES: Record<Measure, string> = {
  attacks: "attacks naming the region",
  launched: "weapons launched at the region",
  hit: "hits reported",
  casualties: "people killed or injured",
};

export interface ChoroplethOptions {
  width: number;
  height?: number;
  measure: Measure;
  selected?: string | null;
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

/** Regions shaded by the chosen measure; each region is a focusable, labelled button. */
export function choropleth(features: RegionFeature[], rows: RegionRow[], options: ChoroplethOptions): SVGSVGElement {
  const width = Math.max(280, options.width);
  const height = options.height ?? Math.round(width * 0.62);
  const byIso = new Map(rows.map((r) => [r.region, r]));
  const value = (iso: string) => Number(byIso.get(iso)?.[options.measure] ?? 0);
  const max = Math.max(0, ...features.map((f) => value(f.properties.iso)));
  const bounds = thresholds(max);
  const projection = geoConicEqualArea()
    .parallels([45, 57])
    .rotate([-40, 0])
    .fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      // Frame Ukraine and the part of Russia that strikes reach, not the whole of European Russia.
      { type: "MultiPoint", coordinates: [[22, 44.3], [56, 44.3], [22, 60.5], [56, 60.5], [39, 60.5], [39, 44.3]] },
    );
  const path = geoPath(projection);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: "chart map",
    role: "group",
    "aria-label": `Map of the regions of Ukraine and western Russia, shaded by ${MEASURES[options.measure]}. Arrow keys move between regions, Enter lists a region's attacks.`,
  });
  // Ukraine last so its borders draw on top of Russia's.
  const ordered = [...features].sort((a, b) => (a.properties.country === "UA" ? 1 : 0) - (b.properties.country === "UA" ? 1 : 0));
  // Roving focus: the map is one tab stop; arrow keys walk the regions in alphabetical order.
  const keyOrder = [...features].sort((a, b) => a.properties.name.localeCompare(b.properties.name)).map((f) => f.properties.iso);
  const initial = options.selected && keyOrder.includes(options.selected) ? options.selected : keyOrder[0];
  const elements = new Map<string, SVGPathElement>();
  for (const f of ordered) {
    const iso = f.properties.iso;
    const v = value(iso);
    const row = byIso.get(iso) ?? null;
    const d = path(f);
    if (!d) continue;
    const el = s("path", {
      d,
      class: `region ${v > 0 ? `bin-${binOf(v, bounds)}` : "bin-none"} ${f.properties.country === "UA" ? "ua" : "ru"}`,
      tabindex: iso === initial ? 0 : -1,
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
  }
  return svg;
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
