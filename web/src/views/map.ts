import { api, loadRegionNames } from "../api.js";
import type { RegionRow } from "../api-types.js";
import { clear, h } from "../dom.js";
import { dateLabel, num, pct, regionLabel, setRegionNames } from "../format.js";
import { choropleth, choroplethLegend, MEASURES, type Measure, regionSummary } from "../map/choropleth.js";
import { type RegionFeature, regionsFromTopology } from "../map/geo.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { errorBox, exportLinks, filterBar, scrollable } from "./common.js";

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

function loadFeatures(): Promise<RegionFeature[]> {
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

export const mapView: View = async (ctx) => {
  const filters = { ...ctx.filters };
  delete filters.weapon;
  const [regions, rows] = await Promise.all([loadFeatures(), api.regions(filters), loadRegionNames()]);
  const byIso = new Map(rows.map((r) => [r.region, r]));
  const nameOf = new Map(regions.map((f) => [f.properties.iso, f.properties.name]));
  const isos = new Set(nameOf.keys());

  const details = h("div", { class: "region-details", "aria-live": "polite" }, h("p", null, "Point at or focus a region to see its figures; select it to list its attacks."));
  const attacksBox = h("div", { class: "region-attacks" });
  const mapBox = h("div", { class: "map-box" });
  const legendBox = h("div", { class: "legend-box" });
  let selected: string | null = null;

  const showFigures = (iso: string, row: RegionRow | null) => {
    clear(details);
    const name = nameOf.get(iso) ?? iso;
    details.append(h("h2", null, name));
    if (!row || !row.attacks) {
      details.append(h("p", null, "No attacks in this period."));
      return;
    }
    details.append(
      h(
        "dl",
        { class: "stats small" },
        ...(
          [
            ["Attacks", num(row.attacks)],
            ["Launched", num(row.launched)],
            ["Intercepted", num(row.intercepted)],
            ["Rate", pct(row.intercepted, row.launched)],
            ["Hits", num(row.hit)],
            ["Casualties", num(row.casualties)],
          ] as const
        ).map(([k, v]) => h("div", { class: "stat" }, h("dt", null, k), h("dd", null, v))),
      ),
    );
  };

  const select = async (iso: string) => {
    selected = iso;
    for (const p of mapBox.querySelectorAll("path.region")) p.setAttribute("aria-pressed", String(p.getAttribute("data-iso") === iso));
    showFigures(iso, byIso.get(iso) ?? null);
    clear(attacksBox);
    const name = nameOf.get(iso) ?? iso;
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
        page.total > page.items.length ? h("p", { class: "meta" }, `Showing ${page.items.length} of ${page.total}.`) : "",
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
    const width = Math.min(1000, Math.max(300, (document.getElementById("main")?.clientWidth ?? 900) - 32));
    mapBox.append(
      choropleth(regions, rows, {
        width,
        measure,
        selected,
        onFocus: showFigures,
        onSelect: (iso) => void select(iso),
      }),
    );
    legendBox.append(h("p", { class: "legend-title" }, `Shaded by ${MEASURES[measure]}`), choroplethLegend(rows, measure, isos));
  };

  const measureSelect = h("select", { id: "m-measure" });
  for (const [k, label] of Object.entries(MEASURES)) {
    const o = h("option", { value: k }, label);
    if (k === measure) o.selected = true;
    measureSelect.append(o);
  }
  measureSelect.addEventListener("change", () => {
    measure = measureSelect.value as Measure;
    draw();
  });

  const tableRows = [...rows].filter((r) => r.attacks > 0).sort((a, b) => b.attacks - a.attacks || a.region.localeCompare(b.region));
  const regionTable = h(
    "details",
    { class: "region-table" },
    h("summary", null, "The same figures as a table"),
    scrollable(
      h(
        "table",
        null,
        h("thead", null, h("tr", null, ...["Region", "Attacks", "Launched", "Intercepted", "Hits", "Casualties"].map((c) => h("th", { scope: "col" }, c)))),
        h(
          "tbody",
          null,
          ...tableRows.map((r) =>
            h(
              "tr",
              null,
              h("th", { scope: "row" }, nameOf.get(r.region) ?? regionLabel(r.region)),
              ...[r.attacks, r.launched, r.intercepted, r.hit, r.casualties].map((v) => h("td", { class: "num" }, num(v))),
            ),
          ),
        ),
      ),
      "Regions and their figures",
    ),
  );
  const unnamed = rows.filter((r) => !isos.has(r.region) && r.attacks > 0);
  ctx.root.append(
    h("h1", null, "Map"),
    h("p", { class: "lede" }, "Regions of Ukraine and western Russia by how often and how heavily they were targeted in the chosen period."),
    filterBar(ctx.filters, ctx.setFilters, { weapon: false }),
    h("div", { class: "field inline" }, h("label", { for: "m-measure" }, "Shade by"), measureSelect),
    h("div", { class: "map-layout" }, h("figure", { class: "map-figure" }, mapBox, h("figcaption", null, legendBox)), h("aside", { "aria-label": "Region details" }, details, attacksBox)),
    regionTable,
    unnamed.length
      ? h("p", { class: "meta" }, `Also targeted, off the map: ${unnamed.map((r) => regionSummary(regionLabel(r.region), r)).join("; ")}.`)
      : "",
    exportLinks(filters),
  );
  draw();
};
