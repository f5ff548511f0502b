import * as Plot from "@observablehq/plot";
import type { WeaponTotals } from "../api-types.js";
import { num, pct, weaponClass, weaponLabel } from "../format.js";
import { CLASS_COLOR } from "./colors.js";

export interface WeaponBarsOptions {
  width: number;
  /** Shared maximum so that two attacks side by side compare at the same scale. */
  max?: number;
}

const ROW = 34;

const reach = (r: WeaponTotals) => Math.max(r.launched ?? 0, (r.intercepted ?? 0) + (r.suppressed ?? 0));

function rowLabel(r: WeaponTotals): string {
  return `${weaponLabel(r.weapon)}: ${num(r.launched)} launched, ${num(r.intercepted)} intercepted${
    r.suppressed !== null ? `, ${num(r.suppressed)} suppressed` : ""
  }${r.launched && r.intercepted !== null ? ` (${pct(r.intercepted, r.launched)} intercepted)` : ""}`;
}

/**
 * One bar per weapon class, drawn with Observable Plot: the whole (pale) bar is what was launched, the dark part what
 * was intercepted, the grey part after it what was suppressed (lost to electronic warfare).
 */
export function weaponBars(rows: WeaponTotals[], options: WeaponBarsOptions): SVGSVGElement {
  const width = Math.max(240, options.width);
  const shown = rows.filter((r) => (r.launched ?? r.intercepted ?? r.suppressed) !== null);
  const max = Math.max(1, options.max ?? 0, ...shown.map(reach));
  const y = { y: (r: WeaponTotals) => r.weapon };
  const plot = Plot.plot({
    document,
    width,
    height: Math.max(1, shown.length) * ROW + 4,
    marginTop: 2,
    marginBottom: 2,
    marginLeft: 120,
    marginRight: 56,
    ariaLabel: "Launched, intercepted and suppressed by weapon class",
    ariaDescription: "One bar per weapon class: the pale bar is what was launched, the dark part what was intercepted, the grey part what was suppressed.",
    x: { domain: [0, max], axis: null },
    y: { domain: shown.map((r) => r.weapon), label: null, tickSize: 0, tickPadding: 8, tickFormat: weaponLabel, padding: 0.35 },
    color: CLASS_COLOR,
    marks: [
      Plot.barX(
        shown.filter((r) => r.launched !== null),
        { ...y, x: (r: WeaponTotals) => r.launched, fill: (r: WeaponTotals) => weaponClass(r.weapon), fillOpacity: 0.55, insetTop: -2, insetBottom: -2, ariaHidden: "true", className: "launched" },
      ),
      Plot.barX(
        shown.filter((r) => r.intercepted),
        { ...y, x: (r: WeaponTotals) => r.intercepted, fill: "var(--intercepted)", insetTop: 2, insetBottom: 2, ariaHidden: "true", className: "intercepted" },
      ),
      Plot.barX(
        shown.filter((r) => r.suppressed),
        {
          ...y,
          x1: (r: WeaponTotals) => r.intercepted ?? 0,
          x2: (r: WeaponTotals) => (r.intercepted ?? 0) + (r.suppressed ?? 0),
          fill: "var(--suppressed)",
          insetTop: 2,
          insetBottom: 2,
          ariaHidden: "true",
          className: "suppressed",
        },
      ),
      Plot.text(shown, {
        ...y,
        x: reach,
        text: (r: WeaponTotals) => num(r.launched ?? r.intercepted),
        textAnchor: "start",
        dx: 6,
        ariaHidden: "true",
        className: "value",
      }),
      // One labelled, titled mark per row across the whole row: what assistive technology reads and the pointer hovers.
      Plot.barX(shown, {
        ...y,
        x1: 0,
        x2: max,
        fill: "currentColor",
        fillOpacity: 0,
        insetTop: -4,
        insetBottom: -4,
        ariaLabel: rowLabel,
        title: rowLabel,
        className: "weapon-row",
      }),
    ],
  }) as SVGSVGElement;
  plot.classList.add("chart", "weapon-bars");
  plot.setAttribute("role", "group");
  return plot;
}

/** What the bars' colours and shades mean: the classes shown, then launched, intercepted, suppressed. */
export function weaponBarsLegend(rows: WeaponTotals[]): HTMLElement {
  const classes = [...new Set(rows.filter((r) => r.launched !== null).map((r) => weaponClass(r.weapon)))];
  const item = (swatch: string, label: string) => {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = `swatch ${swatch}`;
    sw.setAttribute("aria-hidden", "true");
    li.append(sw, document.createTextNode(label));
    return li;
  };
  const ul = document.createElement("ul");
  ul.className = "legend bars-legend";
  ul.setAttribute("aria-label", "Legend of the bars");
  for (const c of classes) ul.append(item(`c-${c} pale`, `${c === "any" ? "weapons" : weaponLabel(c)} launched`));
  if (rows.some((r) => r.intercepted)) ul.append(item("intercepted", "intercepted"));
  if (rows.some((r) => r.suppressed)) ul.append(item("suppressed", "suppressed (electronic warfare)"));
  return ul;
}
