// The embeddable pages (/embed/attack/<id|date>, /embed/timeline?…, /embed/map?…): one view each, no
// navigation, sized to the iframe, with the sources named and a link back to the full dashboard page.
import "./styles.css";
import { api, loadRegionNames, loadRegions } from "./api.js";
import type { AttackDetail } from "./api-types.js";
import { clear, h } from "./dom.js";
import { type Filters, filterSearch, parseFilters } from "./filters.js";
import { dateLabel, nightDates } from "./format.js";
import { loadNight } from "./night/load.js";
import { buildNight } from "./night/model.js";
import { nightStrip } from "./night/strip.js";
import { errorBox } from "./views/common.js";

type Measure = "attacks" | "launched" | "hit" | "casualties";
const MEASURE_IDS: readonly string[] = ["attacks", "launched", "hit", "casualties"] satisfies Measure[];

const main = document.getElementById("main") as HTMLElement;
const dashboard = (hash: string) => new URL(`/${hash}`, location.origin).href;

function attribution(sources: string[], back: string, backLabel: string, extra?: string): HTMLElement {
  return h(
    "footer",
    { class: "embed-footer" },
    h("p", null, sources.length ? `Sources: ${sources.join("; ")}. ` : "", "Figures as each side stated them, each traceable to its sentence. ", extra ?? ""),
    h("p", null, h("a", { href: back, target: "_blank", rel: "noopener" }, backLabel), " · salvo"),
  );
}

function publishers(attacks: AttackDetail[]): string[] {
  const names = new Set<string>();
  for (const a of attacks) for (const d of a.document_refs) names.add(d.publisher ?? d.title ?? `document ${d.id}`);
  return [...names].sort((x, y) => x.localeCompare(y));
}

async function attackEmbed(routeId: string): Promise<string> {
  const [load] = await Promise.all([loadNight(routeId), loadRegionNames()]);
  if (load.kind !== "ok" || !load.attacks.length) {
    main.append(h("p", { class: "notice" }, `No attack stored for ${routeId}.`));
    return "salvo";
  }
  const night = buildNight(load.attacks);
  const title = load.attacks.some((a) => a.night) ? `Night of ${nightDates(load.date)}` : dateLabel(load.date);
  main.append(
    h("h1", null, title, h("span", { class: "sub" }, " — air attacks, both sides' accounts")),
    nightStrip(night, { hrefOf: (v) => dashboard(`#/attack/${encodeURIComponent(routeId)}?figure=${encodeURIComponent(v.anchor)}`), external: true }),
    attribution(publishers(load.attacks), dashboard(`#/attack/${encodeURIComponent(routeId)}`), "Every figure with its source sentence →"),
  );
  return `${title} · salvo`;
}

function chartWidth(): number {
  return Math.max(280, Math.min(1200, document.documentElement.clientWidth - 16));
}

// The charts (Observable Plot, d3-geo) load only with the embed that draws them: an attack's embed stays light.
async function timelineEmbed(filters: Filters): Promise<string> {
  const [rows, { nightsByDirection }, { nightLabel: timelineNightLabel, timelineChart, weaponLegend }, { placeReadout }, { scopeLabel }] = await Promise.all([
    api.timeline(filters, "day"),
    import("./charts/timeline-data.js"),
    import("./charts/timeline-chart.js"),
    import("./views/timeline.js"),
    import("./views/map.js"),
  ]);
  const directions = nightsByDirection(rows);
  const hint = "Point at a night.";
  const readout = h("p", { class: "readout", "aria-live": "polite" }, hint);
  const box = h("div");
  const draw = () => {
    clear(box);
    if (!directions.length) {
      box.append(h("p", { class: "notice" }, "No attacks in this range."));
      return;
    }
    const width = chartWidth();
    const chart = timelineChart(directions, {
      width,
      panelHeight: width < 500 ? 150 : 190,
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      hrefOf: (n) => dashboard(`#/attack/${n.date}.${n.attacker}-${n.target}`),
      onCursor: (n, at) => {
        readout.textContent = n ? timelineNightLabel(n) : hint;
        placeReadout(readout, n ? at : null);
      },
      onPick: (n) => window.open(dashboard(`#/attack/${n.date}.${n.attacker}-${n.target}`), "_blank", "noopener"),
    });
    for (const a of chart.querySelectorAll("a")) a.setAttribute("target", "_blank");
    box.append(h("figure", { class: "timeline" }, chart, readout, h("figcaption", null, weaponLegend())));
  };
  main.append(
    h("h1", null, "Air attacks, night by night", h("span", { class: "sub" }, ` — ${scopeLabel(filters)}`)),
    box,
    attribution(
      ["Ukrainian Air Force (for Russia's attacks)", "Russian Ministry of Defence (for Ukraine's)"],
      dashboard(`#/timeline${filterSearch(filters)}`),
      "The full timeline, each night with its sources →",
      "Each direction in the attacked side's own account.",
    ),
  );
  draw();
  onResize(draw);
  return "Air attacks, night by night · salvo";
}

async function mapEmbed(filters: Filters, measure: Measure): Promise<string> {
  const [{ loadFeatures, regionFigures, scopeLabel }, { choropleth, choroplethLegend, MEASURES }] = await Promise.all([import("./views/map.js"), import("./map/choropleth.js")]);
  const [regions, rows, gazetteer] = await Promise.all([loadFeatures(), api.regions(filters), loadRegions()]);
  const labelAt = new Map(gazetteer.filter((g) => g.centroid).map((g) => [g.iso, g.centroid as [number, number]]));
  const names = new Map(regions.map((f) => [f.properties.iso, f.properties.name]));
  const box = h("div", { class: "map-box" });
  const panel = h("div", { class: "region-details", "aria-live": "polite" }, h("p", { class: "meta" }, "Point at or tap a region for its figures."));
  const show = (iso: string) => {
    clear(panel);
    const row = rows.find((r) => r.region === iso);
    panel.append(h("h2", null, names.get(iso) ?? iso));
    panel.append(row && row.attacks ? regionFigures(row) : h("p", null, "No attacks in this period."));
  };
  const draw = () => {
    clear(box);
    box.append(
      choropleth(regions, rows, { width: chartWidth(), measure, labelAt, onFocus: (iso) => show(iso), onSelect: (iso) => show(iso) }),
      choroplethLegend(rows, measure, new Set(names.keys())),
    );
  };
  main.append(
    h("h1", null, "Regions targeted by air attacks", h("span", { class: "sub" }, ` — shaded by ${MEASURES[measure]}; ${scopeLabel(filters)}`)),
    box,
    panel,
    attribution(
      [],
      dashboard(`#/map${filterSearch(filters)}`),
      "The full map, each region with its attacks →",
      "Boundaries: geoBoundaries (CC BY 4.0), DCW-GMT (LGPL-3.0).",
    ),
  );
  draw();
  onResize(draw);
  return "Regions targeted by air attacks · salvo";
}

function onResize(draw: () => void): void {
  let width = document.documentElement.clientWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (document.documentElement.clientWidth === width) return;
      width = document.documentElement.clientWidth;
      draw();
      postHeight();
    }, 150);
  });
}

/** Tells the embedding page how tall the content is, for pages that resize their iframe to fit. */
function postHeight(): void {
  if (window.parent !== window) window.parent.postMessage({ salvo: "height", height: document.documentElement.scrollHeight }, "*");
}

async function render(): Promise<void> {
  const parts = location.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(location.search);
  clear(main);
  let title = "salvo";
  try {
    if (parts[1] === "attack" && parts[2]) title = await attackEmbed(parts[2]);
    else if (parts[1] === "timeline") title = await timelineEmbed(parseFilters(query));
    else if (parts[1] === "map") {
      const m = query.get("measure");
      const filters = parseFilters(query);
      delete filters.weapon;
      title = await mapEmbed(filters, m && MEASURE_IDS.includes(m) ? (m as Measure) : "attacks");
    } else main.append(h("p", { class: "notice" }, "There is no embed at this address."));
  } catch (e) {
    clear(main);
    main.append(errorBox(e));
  }
  document.title = title;
  main.setAttribute("aria-busy", "false");
  main.dataset.ready = "yes";
  postHeight();
}

void render();
