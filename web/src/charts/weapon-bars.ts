import type { WeaponTotals } from "../api-types.js";
import { s } from "../dom.js";
import { num, pct, weaponClass, weaponLabel } from "../format.js";
import { linear } from "./scale.js";

export interface WeaponBarsOptions {
  width: number;
  /** Shared maximum so that two attacks side by side compare at the same scale. */
  max?: number;
}

const ROW = 34;
const LEFT = 120;
const RIGHT = 56;

/**
 * One bar per weapon class: the whole bar is what was launched, the dark part what was intercepted,
 * the hatched part what was suppressed (lost to electronic warfare).
 */
export function weaponBars(rows: WeaponTotals[], options: WeaponBarsOptions): SVGSVGElement {
  const width = Math.max(240, options.width);
  const shown = rows.filter((r) => (r.launched ?? r.intercepted ?? r.suppressed) !== null);
  const height = Math.max(1, shown.length) * ROW + 4;
  const max = Math.max(1, options.max ?? 0, ...shown.map((r) => Math.max(r.launched ?? 0, (r.intercepted ?? 0) + (r.suppressed ?? 0))));
  const x = linear(0, max, LEFT, width - RIGHT);
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: "chart weapon-bars",
    role: "group",
    "aria-label": "Launched, intercepted and suppressed by weapon class",
  });
  shown.forEach((r, i) => {
    const y0 = i * ROW + 4;
    const cls = weaponClass(r.weapon);
    const label = `${weaponLabel(r.weapon)}: ${num(r.launched)} launched, ${num(r.intercepted)} intercepted${
      r.suppressed !== null ? `, ${num(r.suppressed)} suppressed` : ""
    }${r.launched && r.intercepted !== null ? ` (${pct(r.intercepted, r.launched)} intercepted)` : ""}`;
    const g = s("g", { role: "img", "aria-label": label, class: "weapon-row" });
    g.append(s("text", { x: LEFT - 8, y: y0 + 18, "text-anchor": "end", class: "row-label" }, weaponLabel(r.weapon)));
    if (r.launched !== null) {
      g.append(s("rect", { x: LEFT, y: y0 + 4, width: x(r.launched) - LEFT, height: 20, class: `c-${cls} launched` }));
    }
    let at = LEFT;
    if (r.intercepted) {
      g.append(s("rect", { x: at, y: y0 + 8, width: x(r.intercepted) - LEFT, height: 12, class: "intercepted" }));
      at = x(r.intercepted);
    }
    if (r.suppressed) {
      g.append(s("rect", { x: at, y: y0 + 8, width: x(r.suppressed) - LEFT, height: 12, class: "suppressed" }));
    }
    const end = x(Math.max(r.launched ?? 0, (r.intercepted ?? 0) + (r.suppressed ?? 0)));
    g.append(s("text", { x: end + 6, y: y0 + 18, class: "value" }, num(r.launched ?? r.intercepted)));
    g.append(s("title", null, label));
    svg.append(g);
  });
  return svg;
}
