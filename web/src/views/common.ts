import { ApiError, exportUrl } from "../api.js";
import { h } from "../dom.js";
import type { Filters } from "../filters.js";

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof ApiError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);
  return h("p", { class: "error", role: "alert" }, msg);
}

const DIRECTIONS: [string, string, string][] = [
  ["", "", "Both directions"],
  ["RU", "UA", "Russia → Ukraine"],
  ["UA", "RU", "Ukraine → Russia"],
];

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Date range, direction and weapon class; changes go to the URL so every view and export follow them. */
export function filterBar(filters: Filters, setFilters: (f: Filters) => void, options: { weapon?: boolean } = {}): HTMLElement {
  const from = h("input", { type: "date", id: "f-from", name: "from", value: filters.from ?? "" });
  const to = h("input", { type: "date", id: "f-to", name: "to", value: filters.to ?? "" });
  const dir = h("select", { id: "f-dir", name: "direction" });
  for (const [a, t, label] of DIRECTIONS) {
    const opt = h("option", { value: `${a}-${t}` }, label);
    if ((filters.attacker ?? "") === a && (filters.target ?? "") === t) opt.selected = true;
    dir.append(opt);
  }
  const weapon = h("select", { id: "f-weapon", name: "weapon" });
  for (const [v, label] of [
    ["", "All weapons"],
    ["drone", "Drones"],
    ["missile", "Missiles"],
    ["bomb", "Guided bombs"],
    ["rocket", "Rockets"],
  ] as const) {
    const opt = h("option", { value: v }, label);
    if ((filters.weapon ?? "") === v) opt.selected = true;
    weapon.append(opt);
  }
  const read = (): Filters => {
    const [a = "", t = ""] = dir.value.split("-");
    const f: Filters = {};
    if (from.value) f.from = from.value;
    if (to.value) f.to = to.value;
    if (a) f.attacker = a;
    if (t) f.target = t;
    if (options.weapon !== false && weapon.value) f.weapon = weapon.value;
    return f;
  };
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": "Filters" },
    h("div", { class: "field" }, h("label", { for: "f-from" }, "From"), from),
    h("div", { class: "field" }, h("label", { for: "f-to" }, "To"), to),
    h("div", { class: "field" }, h("label", { for: "f-dir" }, "Direction"), dir),
    options.weapon === false ? null : h("div", { class: "field" }, h("label", { for: "f-weapon" }, "Weapon"), weapon),
    h(
      "div",
      { class: "field quick", role: "group", "aria-label": "Quick ranges" },
      quick("30 days", () => setFilters({ ...read(), from: isoDaysAgo(30), to: isoDaysAgo(0) })),
      quick("1 year", () => setFilters({ ...read(), from: isoDaysAgo(365), to: isoDaysAgo(0) })),
      quick("All", () => {
        const f = read();
        delete f.from;
        delete f.to;
        setFilters(f);
      }),
    ),
  );
  for (const el of [from, to, dir, weapon]) el.addEventListener("change", () => setFilters(read()));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setFilters(read());
  });
  return form;
}

function quick(label: string, onClick: () => void): HTMLButtonElement {
  const b = h("button", { type: "button", class: "quiet" }, label);
  b.addEventListener("click", onClick);
  return b;
}

export function exportLinks(filters: Filters, extra: { region?: string } = {}): HTMLElement {
  return h(
    "p",
    { class: "export-links" },
    "Export these attacks: ",
    h("a", { href: exportUrl("csv", filters, extra), download: "" }, "CSV"),
    " · ",
    h("a", { href: exportUrl("geojson", filters, extra), download: "" }, "GeoJSON"),
    " · ",
    h("a", { href: exportUrl("ndjson", filters, extra), download: "" }, "NDJSON"),
  );
}

/** The first screen of a fresh install: how to load data, and the Read page that needs none. */
export function emptyState(): HTMLElement {
  return h(
    "section",
    { class: "empty", "aria-labelledby": "empty-h" },
    h("h1", { id: "empty-h" }, "No attacks loaded yet"),
    h("p", null, "This salvo database is empty. Load reports from the command line, then reload this page:"),
    h(
      "ol",
      null,
      h(
        "li",
        null,
        "Ingest documents (files, folders, URLs or feeds): ",
        h("code", null, "npx salvo ingest ./reports/"),
      ),
      h(
        "li",
        null,
        "Import the Air Force dataset for the whole history: ",
        h("code", null, "npx salvo import missile_attacks_daily.csv"),
      ),
      h("li", null, "Start the dashboard: ", h("code", null, "npx salvo serve")),
    ),
    h(
      "p",
      null,
      "Or try the extractor right away, nothing is stored: ",
      h("a", { href: "#/read", class: "button" }, "Read a report"),
    ),
  );
}

export function section(title: string, id: string, ...children: (Node | string | null)[]): HTMLElement {
  return h("section", { "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

/** Wide tables scroll inside their own box on a phone instead of widening the page. */
export function scrollable(table: HTMLElement, label: string): HTMLElement {
  // Named apart from the section around it: two landmarks of one name cannot be told apart.
  return h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": `${label}, table` }, table);
}

/** "Go to a night": a date field that opens the attacks of that date (both directions). */
export function datePicker(idPrefix: string, value = ""): HTMLElement {
  const input = h("input", { type: "date", id: `${idPrefix}-date`, name: "date", min: "2022-02-24", max: new Date().toISOString().slice(0, 10), value, required: true });
  const form = h(
    "form",
    { class: "date-picker", role: "search", "aria-label": "Go to a night" },
    h("label", { for: `${idPrefix}-date` }, "Go to a night"),
    input,
    h("button", { type: "submit", class: "quiet" }, "Open"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) location.hash = `#/attack/${input.value}`;
  });
  return form;
}
