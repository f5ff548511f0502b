import { api } from "../api.js";
import type { RecordMarks } from "../api-types.js";
import { nightsByDirection } from "../charts/timeline-data.js";
import { nightLabel, timelineChart, weaponLegend } from "../charts/timeline-chart.js";
import { h } from "../dom.js";
import { filterSearch } from "../filters.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { datePicker, emptyState, exportLinks, filterBar } from "./common.js";
import { embedButton } from "./embed-button.js";

const HINT = "Point at a night, or focus the chart and use the arrow keys.";

/** Puts the readout beside the night under the pointer (or the keyboard's cursor), inside the figure. */
export function placeReadout(readout: HTMLElement, at: { x: number; y: number } | null): void {
  if (!at) {
    readout.classList.remove("at");
    readout.style.removeProperty("left");
    readout.style.removeProperty("top");
    return;
  }
  readout.classList.add("at");
  const box = readout.parentElement?.getBoundingClientRect();
  const width = readout.offsetWidth;
  const room = box ? box.width : Infinity;
  const left = at.x + 14 + width <= room ? at.x + 14 : Math.max(0, at.x - 14 - width);
  readout.style.left = `${Math.round(left)}px`;
  readout.style.top = `${Math.round(Math.max(0, at.y - readout.offsetHeight - 6))}px`;
}

export const timelineView: View = async (ctx) => {
  // Record markers come from the whole history (the server's record marks), not from the range shown.
  const [rows, ...marks] = await Promise.all([
    api.timeline(ctx.filters, "day"),
    api.recordMarks({ attacker: "RU", target: "UA" }).catch(() => null),
    api.recordMarks({ attacker: "UA", target: "RU" }).catch(() => null),
  ]);
  const directions = nightsByDirection(rows, marks.filter((m): m is RecordMarks => m !== null));
  const readout = h("p", { class: "readout", "aria-live": "polite" }, HINT);
  ctx.root.append(
    h("h1", null, "Timeline"),
    h(
      "p",
      { class: "lede" },
      "Weapons launched per night by class, and how many were intercepted, over the whole history. Each direction is shown in the attacked side's own account: Kyiv's for Russia's attacks, Moscow's for Ukraine's (Moscow states only what it intercepted).",
    ),
    filterBar(ctx.filters, ctx.setFilters),
    h("div", { class: "row tools" }, datePicker("timeline"), embedButton(`/embed/timeline${filterSearch(ctx.filters)}`, "Air attacks night by night (salvo)", 560)),
  );
  if (!directions.length && !ctx.filters.from && !ctx.filters.to && !ctx.filters.attacker && !ctx.filters.weapon) {
    ctx.root.replaceChildren(emptyState());
    return;
  }
  if (!directions.length) {
    ctx.root.append(h("p", { class: "notice" }, "No attacks in this range. ", h("a", { href: "#/timeline" }, "Show the whole history"), "."));
    return;
  }
  const width = Math.min(1200, Math.max(300, (document.getElementById("main")?.clientWidth ?? 960) - 32));
  const chart = timelineChart(directions, {
    width,
    panelHeight: width < 500 ? 170 : 220,
    ...(ctx.filters.from ? { from: ctx.filters.from } : {}),
    ...(ctx.filters.to ? { to: ctx.filters.to } : {}),
    hrefOf: (n) => attackHref(`${n.date}.${n.attacker}-${n.target}`),
    onCursor: (n, at) => {
      readout.textContent = n ? nightLabel(n) : HINT;
      placeReadout(readout, n ? at : null);
    },
    onPick: (n) => {
      location.hash = attackHref(`${n.date}.${n.attacker}-${n.target}`);
    },
  });
  ctx.root.append(
    h("figure", { class: "timeline" }, chart, readout, h("figcaption", null, weaponLegend())),
    exportLinks(ctx.filters),
  );
};
