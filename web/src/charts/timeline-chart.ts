import { s } from "../dom.js";
import { dateLabel, directionLabel, num, weaponLabel } from "../format.js";
import { dateTicks, dayNumber, linear, niceTicks } from "./scale.js";
import { CLASSES, type Direction, type Night } from "./timeline-data.js";

export interface TimelineOptions {
  width: number;
  /** Height of each direction's panel. */
  panelHeight?: number;
  /** Inclusive date range shown; defaults to the data's extent. */
  from?: string;
  to?: string;
  /** Link target of a night (its attack page). */
  hrefOf?: (night: Night) => string;
  /** Called when the pointer or the arrow keys move to a night (null when leaving the chart). */
  onCursor?: (night: Night | null) => void;
  onPick?: (night: Night) => void;
}

const M = { top: 26, right: 14, bottom: 24, left: 52 };

/**
 * Launched per night stacked by weapon class (the solid part of each bar was intercepted, the pale part was not), one panel per direction,
 * record nights marked with a triangle. Keyboard: focus the chart, move with ←/→ (Home/End), open with Enter.
 */
export function timelineChart(directions: Direction[], options: TimelineOptions): SVGSVGElement {
  const width = Math.max(280, options.width);
  const panelH = options.panelHeight ?? 200;
  const height = directions.length * panelH;
  const all = directions.flatMap((d) => d.nights);
  const d0 = dayNumber(options.from ?? all.reduce((m, n) => (n.date < m ? n.date : m), all[0]?.date ?? "2022-01-01"));
  const d1 = dayNumber(options.to ?? all.reduce((m, n) => (n.date > m ? n.date : m), all[0]?.date ?? "2022-01-02"));
  const x = linear(d0, d1 + 1, M.left, width - M.right);
  const barW = Math.max(1, (width - M.left - M.right) / (d1 - d0 + 1));

  const nightsTotal = all.length;
  const records = all.filter((n) => n.record).length;
  const svg = s("svg", {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: "chart timeline-chart",
    role: "application",
    tabindex: 0,
    "aria-roledescription": "timeline chart",
    "aria-label": `Timeline of ${nightsTotal} nights, ${records} record nights marked. Use the left and right arrow keys to move between nights and Enter to open one.`,
  });

  const cursorTargets: { night: Night; panel: number }[] = [];
  directions.forEach((dir, i) => {
    const top = i * panelH;
    const nights = dir.nights.filter((n) => {
      const d = dayNumber(n.date);
      return d >= d0 && d <= d1;
    });
    const max = Math.max(1, ...nights.map((n) => Math.max(n.total, n.intercepted ?? 0)));
    const ticks = niceTicks(max, 4);
    const yMax = ticks[ticks.length - 1] ?? max;
    const y = linear(0, yMax, top + panelH - M.bottom, top + M.top);
    const g = s("g", { class: "panel", role: "group", "aria-label": directionLabel(dir.attacker, dir.target) });
    g.append(
      s(
        "text",
        { x: M.left, y: top + 16, class: "panel-title" },
        width < 560
          ? `${dir.attacker}→${dir.target} · ${accountLabel(dir, true)}`
          : `${directionLabel(dir.attacker, dir.target)} — ${accountLabel(dir)}`,
      ),
    );
    // y grid and axis
    for (const t of ticks) {
      g.append(
        s("line", { x1: M.left, x2: width - M.right, y1: y(t), y2: y(t), class: "grid", "aria-hidden": "true" }),
        s("text", { x: M.left - 6, y: y(t) + 4, class: "tick", "text-anchor": "end", "aria-hidden": "true" }, num(t)),
      );
    }
    for (const t of dateTicks(d0, d1, Math.floor(width / 90))) {
      const tx = x(t.day);
      g.append(
        s("line", { x1: tx, x2: tx, y1: top + panelH - M.bottom, y2: top + panelH - M.bottom + 4, class: "axis", "aria-hidden": "true" }),
        s("text", { x: tx, y: top + panelH - 6, class: "tick", "text-anchor": "middle", "aria-hidden": "true" }, t.label),
      );
    }
    const bars = s("g", { class: "bars" });
    for (const n of nights) {
      const day = dayNumber(n.date);
      const bx = x(day);
      const mark = s("g", { class: "night", role: "img", "aria-label": nightLabel(n), "data-date": n.date });
      let base = 0;
      for (const cls of CLASSES) {
        const v = n.byClass[cls];
        if (!v) continue;
        mark.append(
          s("rect", { x: bx, width: barW, y: y(base + v), height: Math.max(0.5, y(base) - y(base + v)), class: `c-${cls} pale` }),
        );
        const hit = n.interceptedByClass[cls];
        if (hit) {
          mark.append(s("rect", { x: bx, width: barW, y: y(base + hit), height: Math.max(0.5, y(base) - y(base + hit)), class: `c-${cls}` }));
        }
        base += v;
      }
      bars.append(mark);
      cursorTargets.push({ night: n, panel: i });
    }
    g.append(bars);
    for (const n of nights.filter((k) => k.record)) {
      const cx = x(dayNumber(n.date)) + barW / 2;
      const cy = y(n.total) - 4;
      const tri = s("path", { d: `M${cx},${cy}l-5,-8h10z`, class: "record-mark" });
      const label = `Record night ${dateLabel(n.date)}: ${num(n.total)} launched, more than any earlier night`;
      const link = options.hrefOf
        ? s("a", { href: options.hrefOf(n), "aria-label": label, class: "record-link" }, tri)
        : s("g", { role: "img", "aria-label": label }, tri);
      tri.append(s("title", null, label));
      g.append(link);
    }
    g.append(s("line", { x1: M.left, x2: width - M.right, y1: y(0), y2: y(0), class: "axis", "aria-hidden": "true" }));
    svg.append(g);
  });

  const cursor = s("line", { class: "cursor", y1: 0, y2: 0, x1: 0, x2: 0, visibility: "hidden", "aria-hidden": "true" });
  svg.append(cursor);
  let active = -1;
  const order = cursorTargets
    .map((t, idx) => ({ ...t, idx, day: dayNumber(t.night.date) }))
    .sort((a, b) => a.day - b.day || a.panel - b.panel);
  const moveTo = (k: number) => {
    active = Math.max(0, Math.min(order.length - 1, k));
    const t = order[active];
    if (!t) return;
    const cx = x(t.day) + barW / 2;
    cursor.setAttribute("visibility", "visible");
    cursor.setAttribute("x1", String(cx));
    cursor.setAttribute("x2", String(cx));
    cursor.setAttribute("y1", String(t.panel * panelH + M.top));
    cursor.setAttribute("y2", String((t.panel + 1) * panelH - M.bottom));
    options.onCursor?.(t.night);
  };
  const nearest = (evt: MouseEvent): number => {
    const rect = svg.getBoundingClientRect();
    const px = ((evt.clientX - rect.left) / rect.width) * width;
    const panel = Math.floor((((evt.clientY - rect.top) / rect.height) * height) / panelH);
    let best = -1;
    let dist = Infinity;
    order.forEach((t, k) => {
      const d = Math.abs(x(t.day) + barW / 2 - px) + (t.panel === panel ? 0 : 1e6);
      if (d < dist) {
        dist = d;
        best = k;
      }
    });
    return best;
  };
  svg.addEventListener("mousemove", (e) => {
    const k = nearest(e);
    if (k >= 0 && k !== active) moveTo(k);
  });
  svg.addEventListener("mouseleave", () => options.onCursor?.(null));
  svg.addEventListener("click", (e) => {
    if ((e.target as Element).closest("a")) return;
    const k = nearest(e);
    const t = order[k];
    if (t) options.onPick?.(t.night);
  });
  svg.addEventListener("keydown", (e) => {
    if (e.target !== svg) return;
    const step = e.shiftKey ? 7 : 1;
    if (e.key === "ArrowRight") moveTo(active < 0 ? 0 : active + step);
    else if (e.key === "ArrowLeft") moveTo(active < 0 ? order.length - 1 : active - step);
    else if (e.key === "Home") moveTo(0);
    else if (e.key === "End") moveTo(order.length - 1);
    else if (e.key === "Enter" && order[active]) options.onPick?.((order[active] as { night: Night }).night);
    else return;
    e.preventDefault();
  });
  return svg;
}

function accountLabel(dir: Direction, short = false): string {
  const claimants = [...new Set(dir.nights.map((n) => n.claimant))].sort().reverse();
  const names = claimants.map((c) => (c === "UA" ? "Kyiv" : c === "RU" ? "Moscow" : c));
  if (short) return names.join(" and ");
  return names.length > 1 ? `${names.join("'s and ")}'s accounts` : `${names[0] ?? "no"}'s account`;
}

export function nightLabel(n: Night): string {
  const parts = CLASSES.filter((c) => n.byClass[c]).map((c) => `${num(n.byClass[c])} ${c === "any" ? "unspecified" : weaponLabel(c)}`);
  const who = n.claimant === "UA" ? "Kyiv" : n.claimant === "RU" ? "Moscow" : n.claimant;
  const what = n.launchedStated ? `${parts.join(", ")} launched` : `launches not stated, ${parts.join(", ")} intercepted`;
  return `${dateLabel(n.date)}, ${n.attacker}→${n.target} (${who}): ${parts.length ? what : "no figures stated"}${
    n.intercepted !== null && n.launchedStated ? `; ${num(n.intercepted)} intercepted` : ""
  }${n.record ? "; record night" : ""}`;
}

/** The colour key shared by the timeline and the overview bars. */
export function weaponLegend(classes: readonly string[] = CLASSES): HTMLElement {
  const ul = document.createElement("ul");
  ul.className = "legend";
  ul.setAttribute("aria-label", "Legend");
  for (const c of classes) {
    const li = document.createElement("li");
    const sw = document.createElement("span");
    sw.className = `swatch c-${c}`;
    sw.setAttribute("aria-hidden", "true");
    li.append(sw, document.createTextNode(c === "any" ? "unspecified weapons" : weaponLabel(c)));
    ul.append(li);
  }
  const li = document.createElement("li");
  const sw = document.createElement("span");
  sw.className = "swatch split";
  sw.setAttribute("aria-hidden", "true");
  li.append(sw, document.createTextNode("solid: intercepted · pale: not intercepted"));
  const rec = document.createElement("li");
  const tri = document.createElement("span");
  tri.className = "swatch record";
  tri.setAttribute("aria-hidden", "true");
  rec.append(tri, document.createTextNode("record night"));
  ul.append(li, rec);
  return ul;
}
