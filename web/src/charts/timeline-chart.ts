import * as Plot from "@observablehq/plot";
import { h, s } from "../dom.js";
import { dateLabel, directionLabel, num, weaponLabel } from "../format.js";
import { CLASS_COLOR } from "./colors.js";
import { CLASSES, type Direction, type Night, type WeaponClass } from "./timeline-data.js";

export interface TimelineOptions {
  width: number;
  /** Height of each direction's panel. */
  panelHeight?: number;
  /** Inclusive date range shown; defaults to the data's extent. */
  from?: string;
  to?: string;
  /** Link target of a night (its attack page). */
  hrefOf?: (night: Night) => string;
  /**
   * Called when the pointer or the arrow keys move to a night (null when leaving the chart), with where the
   * night's bar tops out in the chart's own pixels, so a readout can sit beside it.
   */
  onCursor?: (night: Night | null, at: { x: number; y: number } | null) => void;
  onPick?: (night: Night) => void;
}

const DAY_MS = 86_400_000;
const M = { top: 28, right: 14, bottom: 30, left: 64 };

/** One stacked piece of a night's bar: the intercepted or the not intercepted part of one weapon class. */
interface Segment {
  date: Date;
  cls: WeaponClass;
  key: string;
  hit: boolean;
  value: number;
}

/** Bottom to top: each class's intercepted part, then the rest of that class, class after class. */
const STACK_ORDER = CLASSES.flatMap((c) => [`${c}:hit`, `${c}:rest`]);

const utc = (iso: string): Date => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

function segments(nights: Night[]): Segment[] {
  const out: Segment[] = [];
  for (const n of nights) {
    const date = utc(n.date);
    for (const cls of CLASSES) {
      const v = n.byClass[cls];
      if (!v) continue;
      const hit = Math.min(v, n.interceptedByClass[cls] ?? 0);
      if (hit > 0) out.push({ date, cls, key: `${cls}:hit`, hit: true, value: hit });
      if (v - hit > 0) out.push({ date, cls, key: `${cls}:rest`, hit: false, value: v - hit });
    }
  }
  return out;
}

/**
 * Launched per night stacked by weapon class (the solid part of each bar was intercepted, the pale part was not), one
 * Observable Plot panel per direction with its own y scale and a shared time axis, record nights marked with a triangle.
 * Keyboard: focus the chart, move with ←/→ (Shift: a week; Home/End), open with Enter.
 */
export function timelineChart(directions: Direction[], options: TimelineOptions): HTMLElement {
  const width = Math.max(280, options.width);
  const panelH = options.panelHeight ?? 200;
  const all = directions.flatMap((d) => d.nights);
  const first = options.from ?? all.reduce((m, n) => (n.date < m ? n.date : m), all[0]?.date ?? "2022-01-01");
  const last = options.to ?? all.reduce((m, n) => (n.date > m ? n.date : m), all[0]?.date ?? "2022-01-02");
  const x0 = utc(first);
  const x1 = new Date(utc(last).getTime() + DAY_MS);
  const inRange = (n: Night) => n.date.slice(0, 10) >= first.slice(0, 10) && n.date.slice(0, 10) <= last.slice(0, 10);
  const narrow = width < 560;
  // A night is at least a pixel wide: over years of history a day is narrower than that, so the bars overlap a little.
  const dayW = (width - M.left - M.right) / Math.max(1, (x1.getTime() - x0.getTime()) / DAY_MS);
  const inset = dayW < 1 ? -(1 - dayW) / 2 : dayW > 6 ? 0.5 : 0;

  const nightsTotal = all.filter(inRange).length;
  const records = all.filter((n) => inRange(n) && n.record).length;
  const root = h("div", {
    class: "chart timeline-chart",
    role: "application",
    tabindex: 0,
    "aria-roledescription": "timeline chart",
    "aria-label": `Timeline of ${nightsTotal} nights, ${records} record nights marked. Use the left and right arrow keys to move between nights and Enter to open one.`,
  });

  interface Target {
    night: Night;
    day: number;
    panel: number;
  }
  const order: Target[] = [];
  const panels: { svg: SVGSVGElement; x: (d: Date) => number; y: (v: number) => number; cursor: SVGLineElement; targets: Target[] }[] = [];

  directions.forEach((dir, i) => {
    const nights = dir.nights.filter(inRange);
    const max = Math.max(1, ...nights.map((n) => Math.max(n.total, n.intercepted ?? 0)));
    const recordNights = nights.filter((n) => n.record);
    const recordLabel = (n: Night) =>
      n.recordMark
        ? `Record night ${dateLabel(n.date)}: ${num(n.recordMark.n)} ${n.recordOutcome ?? "launched"}, more than any earlier night (${num(n.recordMark.previous.n)} on ${dateLabel(n.recordMark.previous.date)})`
        : `Record night ${dateLabel(n.date)}`;
    const title = narrow
      ? `${dir.attacker}→${dir.target} · ${accountLabel(dir, true)}`
      : `${directionLabel(dir.attacker, dir.target)} — ${accountLabel(dir)}`;
    const plot = Plot.plot({
      document,
      width,
      height: panelH,
      marginTop: M.top,
      marginRight: M.right,
      marginBottom: M.bottom,
      marginLeft: M.left,
      ariaLabel: directionLabel(dir.attacker, dir.target),
      ariaDescription: `${accountLabel(dir)}: ${nights.length} nights, weapons launched per night stacked by class, the intercepted part solid${
        recordNights.length ? `, ${recordNights.length} record nights marked` : ""
      }.`,
      x: { type: "utc", domain: [x0, x1], label: null, ticks: Math.max(2, Math.floor(width / 110)) },
      y: {
        domain: [0, max],
        nice: true,
        label: axisTitle(nights, panelH - M.top - M.bottom),
        labelAnchor: "center",
        labelArrow: "none",
        labelOffset: M.left - 8,
        grid: true,
        ticks: panelH < 190 ? 3 : 4,
        tickFormat: (v: number) => num(v),
      },
      color: CLASS_COLOR,
      marks: [
        Plot.ruleY([0], { ariaHidden: "true" }),
        // The bars: drawn, not announced (each night is announced once below).
        Plot.rectY(
          segments(nights),
          Plot.stackY({
            x: "date",
            interval: "day",
            insetLeft: inset,
            insetRight: inset,
            y: "value",
            z: "key",
            order: STACK_ORDER,
            fill: "cls",
            fillOpacity: (d: Segment) => (d.hit ? 1 : 0.35),
            ariaHidden: "true",
            className: "bars",
          }),
        ),
        // One labelled mark per night, spanning its whole bar: the accessible name, the hover title and the click target.
        Plot.rectY(nights, {
          x: (n: Night) => utc(n.date),
          interval: "day",
          insetLeft: inset,
          insetRight: inset,
          y: (n: Night) => Math.max(n.total, n.intercepted ?? 0),
          fill: "currentColor",
          fillOpacity: 0,
          ariaLabel: nightLabel,
          title: nightLabel,
          className: "nights",
        }),
        Plot.dot(recordNights, {
          x: (n: Night) => new Date(utc(n.date).getTime() + DAY_MS / 2),
          y: "total",
          symbol: "triangle",
          rotate: 180,
          r: 4.5,
          dy: -8,
          fill: "var(--record)",
          stroke: "var(--card)",
          strokeWidth: 0.8,
          ariaLabel: recordLabel,
          title: recordLabel,
          ...(options.hrefOf ? { href: options.hrefOf } : {}),
          className: "records",
        }),
        Plot.text([title], {
          text: (d: string) => d,
          frameAnchor: "top-left",
          dy: -16,
          textAnchor: "start",
          fontWeight: 600,
          fontSize: 12,
          ariaHidden: "true",
          className: "panel-title",
        }),
      ],
    }) as SVGSVGElement & Plot.Plot;
    plot.classList.add("panel");
    plot.setAttribute("role", "group");

    const xs = plot.scale("x");
    const ys = plot.scale("y");
    const x = (d: Date) => (xs?.apply(d) as number) ?? 0;
    const y = (v: number) => (ys?.apply(v) as number) ?? M.top;
    const yTop = (ys?.apply([...(ys.domain ?? [0, max])][1]) as number) ?? M.top;
    const yBottom = (ys?.apply(0) as number) ?? panelH - M.bottom;
    const cursor = s("line", { class: "cursor", y1: yTop, y2: yBottom, x1: 0, x2: 0, visibility: "hidden", "aria-hidden": "true" });
    plot.append(cursor);
    const targets = nights.map((night) => ({ night, day: utc(night.date).getTime() / DAY_MS, panel: i }));
    order.push(...targets);
    panels.push({ svg: plot, x, y, cursor, targets });
    root.append(plot);
  });
  order.sort((a, b) => a.day - b.day || a.panel - b.panel);

  let active = -1;
  const centre = (t: Target) => (panels[t.panel]?.x(new Date(t.day * DAY_MS + DAY_MS / 2)) ?? 0);
  const moveTo = (k: number) => {
    active = Math.max(0, Math.min(order.length - 1, k));
    const t = order[active];
    if (!t) return;
    panels.forEach((p, i) => {
      if (i !== t.panel) {
        p.cursor.setAttribute("visibility", "hidden");
        return;
      }
      const cx = String(centre(t));
      p.cursor.setAttribute("visibility", "visible");
      p.cursor.setAttribute("x1", cx);
      p.cursor.setAttribute("x2", cx);
    });
    options.onCursor?.(t.night, pointAt(t));
  };
  /** The top of a night's bar, in pixels from the chart's top-left corner. */
  const pointAt = (t: Target): { x: number; y: number } | null => {
    const p = panels[t.panel];
    if (!p) return null;
    const box = root.getBoundingClientRect();
    const rect = p.svg.getBoundingClientRect();
    const scale = rect.width / width || 1;
    const value = Math.max(t.night.total, t.night.intercepted ?? 0);
    return { x: rect.left - box.left + centre(t) * scale, y: rect.top - box.top + p.y(value) * scale };
  };
  /** The night nearest the pointer within the panel it is over, as an index into `order`. */
  const nearest = (evt: MouseEvent, panel: number): number => {
    const p = panels[panel];
    if (!p) return -1;
    const rect = p.svg.getBoundingClientRect();
    const px = ((evt.clientX - rect.left) / rect.width) * width;
    let best: Target | null = null;
    let dist = Infinity;
    for (const t of p.targets) {
      const d = Math.abs(centre(t) - px);
      if (d < dist) {
        dist = d;
        best = t;
      }
    }
    return best ? order.indexOf(best) : -1;
  };
  panels.forEach((p, i) => {
    p.svg.addEventListener("mousemove", (e) => {
      const k = nearest(e, i);
      if (k >= 0 && k !== active) moveTo(k);
    });
    p.svg.addEventListener("click", (e) => {
      if ((e.target as Element).closest("a")) return;
      const t = order[nearest(e, i)];
      if (t) options.onPick?.(t.night);
    });
  });
  root.addEventListener("mouseleave", () => options.onCursor?.(null, null));
  root.addEventListener("keydown", (e) => {
    if (e.target !== root) return;
    const step = e.shiftKey ? 7 : 1;
    if (e.key === "ArrowRight") moveTo(active < 0 ? 0 : active + step);
    else if (e.key === "ArrowLeft") moveTo(active < 0 ? order.length - 1 : active - step);
    else if (e.key === "Home") moveTo(0);
    else if (e.key === "End") moveTo(order.length - 1);
    else if (e.key === "Enter" && order[active]) options.onPick?.((order[active] as Target).night);
    else return;
    e.preventDefault();
  });
  return root;
}

/** What the y axis counts: launches, or interceptions where the account gives only those (Moscow's). */
function axisTitle(nights: Night[], room: number): string {
  const stated = nights.filter((n) => n.launchedStated).length;
  const full = stated === nights.length ? "Launched per night" : stated === 0 ? "Intercepted per night" : "Launched (or intercepted)";
  // The title runs along the axis: when it would be longer than the axis, the short form (the panel's title says what).
  return full.length * 6.2 <= room ? full : stated === nights.length ? "Launched" : stated === 0 ? "Intercepted" : "Per night";
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
