import { api, loadRegions } from "../api.js";
import type { AttackSummary, GazetteerRegion } from "../api-types.js";
import { h } from "../dom.js";
import { type Filters, filterSearch } from "../filters.js";
import { dateLabel, num, regionLabel, weaponLabel } from "../format.js";
import { attackHref } from "../router.js";
import type { View } from "./context.js";
import { emptyState, exportLinks, filterBar, scrollable } from "./common.js";

const PAGE_SIZE = 50;

const SORTS = [
  ["-date", "Newest first"],
  ["date", "Oldest first"],
  ["-size", "Largest first"],
  ["size", "Smallest first"],
] as const;
type Sort = (typeof SORTS)[number][0];

const REGION = /^(UA-\d{2}|RU-[A-Z]{2,3}|sea:[a-z]+)$/;
const SEAS: [string, string][] = [
  ["sea:black", "Black Sea"],
  ["sea:azov", "Sea of Azov"],
];

/** This page's own parameters, beside the shared filters: region, order and page, all kept in the URL. */
interface ListState {
  region: string | null;
  sort: Sort;
  page: number;
}

function readState(): ListState {
  const q = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const region = q.get("region");
  const sort = q.get("sort");
  const page = Number(q.get("page"));
  return {
    region: region && REGION.test(region) ? region : null,
    sort: SORTS.some(([k]) => k === sort) ? (sort as Sort) : "-date",
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

function listHref(filters: Filters, state: ListState): string {
  const q = new URLSearchParams(filterSearch(filters).slice(1));
  if (state.region) q.set("region", state.region);
  if (state.sort !== "-date") q.set("sort", state.sort);
  if (state.page > 1) q.set("page", String(state.page));
  const s = q.toString();
  return `#/attacks${s ? `?${s}` : ""}`;
}

/** Every attack, a page at a time: sorted by date or size, filtered by period, direction, weapon and region. */
export const attacksView: View = async (ctx) => {
  const state = readState();
  const region = state.region ? { region: state.region } : {};
  const [page, regions] = await Promise.all([
    api.attacks(ctx.filters, { limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, sort: state.sort, ...region }),
    loadRegions(),
  ]);
  const filtered = Object.keys(ctx.filters).length > 0 || state.region !== null;
  if (page.total === 0 && !filtered) {
    ctx.root.append(emptyState());
    return;
  }
  const go = (filters: Filters, next: Partial<ListState>) => {
    location.hash = listHref(filters, { ...state, page: 1, ...next });
  };
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const from = page.total ? (state.page - 1) * PAGE_SIZE + 1 : 0;
  const to = Math.min(page.total, state.page * PAGE_SIZE);
  ctx.root.append(
    h("h1", null, "Attacks"),
    h("p", { class: "lede" }, "Every attack in the store, one line per direction and date, each with the figures of the attacked side's account."),
    filterBar(ctx.filters, (f) => go(f, {})),
    listControls(ctx.filters, state, regions, go),
    h("p", { class: "list-count", role: "status" }, page.total ? `${num(page.total)} attacks · ${num(from)}–${num(to)} shown · page ${state.page} of ${pages}` : "No attack matches these filters."),
    page.items.length ? scrollable(attacksTable(page.items, state.sort), "Attacks") : "",
    pager(ctx.filters, state, pages) ?? "",
    exportLinks(ctx.filters, region),
  );
};

function listControls(filters: Filters, state: ListState, regions: GazetteerRegion[], go: (f: Filters, s: Partial<ListState>) => void): HTMLElement {
  const region = h("select", { id: "l-region", name: "region" }, h("option", { value: "" }, "Any region"));
  const groups: [string, [string, string][]][] = [
    ["Ukraine", regionOptions(regions, "UA")],
    ["Russia", regionOptions(regions, "RU")],
    ["Seas", SEAS],
  ];
  for (const [label, options] of groups) {
    if (!options.length) continue;
    region.append(h("optgroup", { label }, ...options.map(([v, name]) => h("option", { value: v, selected: v === state.region }, name))));
  }
  const sort = h("select", { id: "l-sort", name: "sort" }, ...SORTS.map(([v, label]) => h("option", { value: v, selected: v === state.sort }, label)));
  region.addEventListener("change", () => go(filters, { region: region.value || null, sort: state.sort }));
  sort.addEventListener("change", () => go(filters, { region: state.region, sort: sort.value as Sort }));
  return h(
    "div",
    { class: "row list-controls" },
    h("div", { class: "field" }, h("label", { for: "l-region" }, "Region"), region),
    h("div", { class: "field" }, h("label", { for: "l-sort" }, "Order"), sort),
    h("p", { class: "meta" }, "Size: weapons launched, or intercepted where a side states only that (Moscow's usual account)."),
  );
}

function regionOptions(regions: GazetteerRegion[], country: string): [string, string][] {
  return regions
    .filter((r) => r.country === country || r.iso.startsWith(`${country}-`))
    .map((r): [string, string] => [r.iso, regionLabel(r.iso)])
    .sort((a, b) => a[1].localeCompare(b[1]));
}

function attacksTable(items: AttackSummary[], sort: Sort): HTMLElement {
  const dateSort = sort === "date" ? "ascending" : sort === "-date" ? "descending" : null;
  const sizeSort = sort === "size" ? "ascending" : sort === "-size" ? "descending" : null;
  return h(
    "table",
    { class: "attacks" },
    h("caption", { class: "sr-only" }, "Attacks, one per row"),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col", "aria-sort": dateSort }, "Date"),
        h("th", { scope: "col" }, "Direction"),
        h("th", { scope: "col", class: "num", "aria-sort": sizeSort }, "Launched"),
        h("th", { scope: "col", class: "num" }, "Intercepted"),
        h("th", { scope: "col", class: "weapons" }, "Weapons"),
        h("th", { scope: "col", class: "regions" }, "Regions"),
        h("th", { scope: "col", class: "num sources" }, "Sources"),
      ),
    ),
    h(
      "tbody",
      null,
      ...items.map((a) =>
        h(
          "tr",
          { "data-attack": a.id },
          h("th", { scope: "row" }, h("a", { href: attackHref(a.id) }, dateLabel(a.date))),
          h("td", null, `${a.attacker}→${a.target}`),
          h("td", { class: "num" }, num(a.totals.launched)),
          h("td", { class: "num" }, num(a.totals.intercepted)),
          h("td", { class: "weapons" }, weaponsText(a)),
          h("td", { class: "regions" }, regionsText(a.regions)),
          h("td", { class: "num sources" }, `${a.documents}`, a.conflict ? h("span", { class: "badge warn", title: "Sources of one side disagree" }, "disagree") : ""),
        ),
      ),
    ),
  );
}

function weaponsText(a: AttackSummary): string {
  return a.by_weapon
    .filter((w) => w.weapon !== "any")
    .map((w) => `${weaponLabel(w.weapon)} ${num(w.launched ?? w.intercepted)}`)
    .join(", ");
}

function regionsText(regions: string[]): string {
  const named = regions.filter((r) => REGION.test(r)).map(regionLabel);
  if (named.length <= 2) return named.join(", ");
  return `${named.slice(0, 2).join(", ")} +${named.length - 2}`;
}

function pager(filters: Filters, state: ListState, pages: number): HTMLElement | null {
  if (pages <= 1) return null;
  const link = (page: number, label: string, rel: string) =>
    page < 1 || page > pages ? h("span", { class: "disabled", "aria-disabled": "true" }, label) : h("a", { href: listHref(filters, { ...state, page }), rel }, label);
  return h(
    "nav",
    { class: "pager", "aria-label": "Pages" },
    link(1, "« First", "first"),
    link(state.page - 1, "‹ Previous", "prev"),
    h("span", { "aria-current": "page" }, `Page ${state.page} of ${pages}`),
    link(state.page + 1, "Next ›", "next"),
    link(pages, "Last »", "last"),
  );
}
