import { api, loadRegions } from "../api.js";
import type { RegionRow } from "../api-types.js";
import { clear, h } from "../dom.js";
import { type Filters, filterSearch } from "../filters.js";
import { dateLabel, directionLabel, num, pct, regionLabel, setRegionNames } from "../format.js";
import { choropleth, choroplethLegend, MEASURES, type Measure } from "../map/choropleth.js";
import { type RegionFeature, regionsFromTopology } from "../map/geo.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { errorBox, exportLinks, filterBar, scrollable } from "./common.js";
import { embedButton } from "./embed-button.js";

let features: Promise<RegionFeature[]> | null = null;
let marks: Promise<Map<string, string>> | null = null;

/** Attacks that set a record when they happened (whole history, both directions): id → "157 launched". */
function recordMarks(): Promise<Map<string, string>> {
  marks ??= Promise.all([
    api.recordMarks({ attacker: "RU", target: "UA" }),
    api.recordMarks({ attacker: "UA", target: "RU" }),
  ]).then((all) => new Map(all.flatMap((m) => m.items.map((r) => [r.id, `${num(r.n)} ${m.outcome}`] as const))));
  marks.catch(() => {
    marks = null;
  });
  return marks.catch(() => new Map<string, string>());
}
let measure: Measure = "attacks";
let frame: "attacked" | "ukraine" = "attacked";

export function loadFeatures(): Promise<RegionFeature[]> {
  features ??= api.admin1().then((topo) => {
    const f = regionsFromTopology(topo);
    setRegionNames(f.map((x) => [x.properties.iso, x.properties.name]));
    return f;
  });
  features.catch(() => {
    features = null;
  });
  return features;
}

/** "All dates, both directions" or "1 Jun 2025 – 31 Jul 2025, Russia's attacks on Ukraine": what the figures cover. */
export function scopeLabel(f: Filters): string {
  const period = f.from || f.to ? `${f.from ? dateLabel(f.from) : "the start"} – ${f.to ? dateLabel(f.to) : "today"}` : "All dates";
  const direction = f.attacker && f.target ? directionLabel(f.attacker, f.target) : f.attacker ? `attacks by ${f.attacker}` : f.target ? `attacks on ${f.target}` : "both directions";
  return `${period}, ${direction}`;
}

/** A region's figures with their units and what they count. */
export function regionFigures(row: RegionRow): HTMLElement {
  const item = (label: string, value: string, unit: string, scope: string) =>
    h("div", { class: "stat" }, h("dt", null, label), h("dd", null, value, h("span", { class: "unit" }, ` ${unit}`)), h("dd", { class: "scope" }, scope));
  return h(
    "dl",
    { class: "stats small region-stats" },
    item("Attacks", num(row.attacks), row.attacks === 1 ? "night" : "nights", "on which a source named the region (a target or a figure)"),
    item("Launched at it", num(row.launched), "drones and missiles", "only figures tied to this region; an attack's national total is not split among regions"),
    item("Intercepted over it", num(row.intercepted), `(${pct(row.intercepted, row.launched)})`, "figures tied to this region"),
    item("Hits", num(row.hit), "reported", "hits stated for this region"),
    item("Casualties", num(row.casualties), "people", "killed or injured, as stated for this region"),
  );
}

export const mapView: View = async (ctx) => {
  const filters = { ...ctx.filters };
  delete filters.weapon;
  const [regions, rows, gazetteer] = await Promise.all([loadFeatures(), api.regions(filters), loadRegions()]);
  const byIso = new Map(rows.map((r) => [r.region, r]));
  const nameOf = new Map(regions.map((f) => [f.properties.iso, f.properties.name]));
  const labelAt = new Map(gazetteer.filter((g) => g.centroid).map((g) => [g.iso, g.centroid as [number, number]]));
  const scope = scopeLabel(filters);

  const details = h("div", { class: "region-details", "aria-live": "polite" }, h("p", null, "Point at, tap or focus a region to see its figures; select it to list its attacks."));
  const attacksBox = h("div", { class: "region-attacks" });
  const mapBox = h("div", { class: "map-box" });
  const legendBox = h("div", { class: "legend-box" });
  let selected: string | null = null;

  const showFigures = (iso: string, row: RegionRow | null) => {
    clear(details);
    details.append(h("h2", null, nameOf.get(iso) ?? regionLabel(iso)), h("p", { class: "meta" }, scope));
    if (!row || !row.attacks) {
      details.append(h("p", null, "No attacks in this period."));
      return;
    }
    details.append(regionFigures(row));
  };

  const select = async (iso: string) => {
    selected = iso;
    for (const p of mapBox.querySelectorAll("path.region")) p.setAttribute("aria-pressed", String(p.getAttribute("data-iso") === iso));
    if (picker.value !== iso) picker.value = nameOf.has(iso) ? iso : "";
    showFigures(iso, byIso.get(iso) ?? null);
    clear(attacksBox);
    const name = nameOf.get(iso) ?? regionLabel(iso);
    attacksBox.append(h("h2", { id: "region-attacks-h" }, `Attacks on ${name}`), h("p", null, "Loading…"));
    try {
      const [page, records] = await Promise.all([api.attacks(filters, { region: iso, limit: 50, sort: "-date" }), recordMarks()]);
      if (selected !== iso) return;
      clear(attacksBox);
      attacksBox.append(h("h2", { id: "region-attacks-h" }, `Attacks on ${name}`));
      if (!page.items.length) {
        attacksBox.append(h("p", null, "No attacks on this region in this period."));
        return;
      }
      attacksBox.append(
        h(
          "ul",
          { class: "attack-list", "aria-labelledby": "region-attacks-h" },
          ...page.items.map((a) =>
            h(
              "li",
              null,
              h("a", { href: attackHref(a.id) }, `${dateLabel(a.date)} · ${a.attacker}→${a.target}`),
              ` — whole attack: ${num(a.totals.launched)} launched, ${num(a.totals.intercepted)} intercepted`,
              records.has(a.id) ? h("strong", { class: "record-mark" }, ` ★ record: ${records.get(a.id)}`) : "",
            ),
          ),
        ),
        page.total > page.items.length
          ? h("p", { class: "meta" }, `Showing ${page.items.length} of ${page.total}. `, h("a", { href: `#/attacks${filterSearch(filters)}${filterSearch(filters) ? "&" : "?"}region=${encodeURIComponent(iso)}` }, "All of them"), ".")
          : "",
      );
      ctx.announce(`${page.total} attacks on ${name}`);
    } catch (e) {
      clear(attacksBox);
      attacksBox.append(errorBox(e));
    }
  };

  const draw = () => {
    clear(mapBox);
    clear(legendBox);
    const width = Math.min(1000, Math.max(300, mapBox.parentElement?.clientWidth || (document.getElementById("main")?.clientWidth ?? 900) - 32));
    mapBox.append(
      choropleth(regions, rows, {
        width,
        measure,
        selected,
        frame,
        labelAt,
        onFocus: showFigures,
        onSelect: (iso) => void select(iso),
      }),
    );
    legendBox.append(h("p", { class: "legend-title" }, `Shaded by ${MEASURES[measure]}`), choroplethLegend(rows, measure, new Set(nameOf.keys())));
  };

  const measureSelect = h("select", { id: "m-measure" });
  for (const [k, label] of Object.entries(MEASURES)) measureSelect.append(h("option", { value: k, selected: k === measure }, label));
  measureSelect.addEventListener("change", () => {
    measure = measureSelect.value as Measure;
    draw();
  });
  const frameButtons = (["attacked", "ukraine"] as const).map((f) => {
    const b = h("button", { type: "button", class: "quiet", "aria-pressed": String(frame === f) }, f === "attacked" ? "Every attacked region" : "Ukraine");
    b.addEventListener("click", () => {
      frame = f;
      for (const x of frameButtons) x.setAttribute("aria-pressed", String(x === b));
      draw();
    });
    return b;
  });
  // On a phone some regions are a few pixels wide: the list reaches every one.
  const picker = h("select", { id: "m-region" }, h("option", { value: "" }, "Choose a region…"));
  const listed = [...nameOf.entries()].filter(([iso]) => iso.startsWith("UA-") || (byIso.get(iso)?.attacks ?? 0) > 0).sort((a, b) => a[1].localeCompare(b[1]));
  for (const [iso, name] of listed) picker.append(h("option", { value: iso }, name));
  picker.addEventListener("change", () => {
    if (picker.value) void select(picker.value);
  });

  const tableRows = [...rows].filter((r) => r.attacks > 0 && nameOf.has(r.region)).sort((a, b) => b.attacks - a.attacks || a.region.localeCompare(b.region));
  const offMap = rows.filter((r) => !nameOf.has(r.region) && r.attacks > 0).sort((a, b) => b.attacks - a.attacks || a.region.localeCompare(b.region));
  ctx.root.append(
    h("h1", null, "Map"),
    h("p", { class: "lede" }, "Regions of Ukraine and of Russia by how often and how heavily they were targeted in the chosen period."),
    filterBar(ctx.filters, ctx.setFilters, { weapon: false }),
    h(
      "div",
      { class: "row map-tools" },
      h("div", { class: "field" }, h("label", { for: "m-measure" }, "Shade by"), measureSelect),
      h("div", { class: "field" }, h("span", { id: "m-frame-l" }, "Frame"), h("div", { class: "segmented", role: "group", "aria-labelledby": "m-frame-l" }, ...frameButtons)),
      h("div", { class: "field" }, h("label", { for: "m-region" }, "Region"), picker),
      embedButton(`/embed/map${embedQuery(filters)}`, "Regions targeted by air attacks (salvo)", 620),
    ),
    h("div", { class: "map-layout" }, h("figure", { class: "map-figure" }, mapBox, h("figcaption", null, legendBox)), h("aside", { "aria-label": "Region details" }, details, attacksBox)),
    offMap.length ? h("section", { class: "off-map", "aria-labelledby": "off-map-h" }, h("h2", { id: "off-map-h" }, "Off the map"), h("p", { class: "meta" }, `Seas, the Air Force's regional commands and regions beyond the map's edge. ${scope}.`), scrollable(regionTable(offMap, "Off the map"), "Off the map")) : "",
    h("details", { class: "region-table" }, h("summary", null, "The map's figures as a table"), scrollable(regionTable(tableRows, "Regions and their figures"), "Regions and their figures")),
    exportLinks(filters),
  );
  draw();
};

function embedQuery(filters: Filters): string {
  const q = filterSearch(filters);
  return measure === "attacks" ? q : `${q}${q ? "&" : "?"}measure=${measure}`;
}

function regionTable(rows: RegionRow[], caption: string): HTMLElement {
  return h(
    "table",
    { class: "regions" },
    h("caption", { class: "sr-only" }, caption),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, "Region"),
        ...["Attacks", "Launched", "Intercepted", "Hits", "Casualties"].map((c) => h("th", { scope: "col", class: "num" }, c)),
      ),
    ),
    h(
      "tbody",
      null,
      ...rows.map((r) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, regionLabel(r.region)),
          ...[r.attacks, r.launched, r.intercepted, r.hit, r.casualties].map((v) => h("td", { class: "num" }, num(v))),
        ),
      ),
    ),
  );
}
