import { exportUrl } from "../api.js";
import { h } from "../dom.js";
import type { View } from "./context.js";
import { filterBar } from "./common.js";

export const exportView: View = async (ctx) => {
  const f = ctx.filters;
  const item = (format: "csv" | "geojson" | "ndjson", label: string, note: string) =>
    h("li", null, h("a", { href: exportUrl(format, f), download: "" }, label), ` — ${note}`);
  ctx.root.append(
    h("h1", null, "Export"),
    h("p", { class: "lede" }, "Download the attacks that match these filters, one row per attack and figure, with the documents behind each value."),
    filterBar(f, ctx.setFilters),
    h(
      "ul",
      { class: "exports" },
      item("csv", "CSV", "for spreadsheets"),
      item("geojson", "GeoJSON", "for maps: one feature per attack and region"),
      item("ndjson", "NDJSON", "one JSON object per line, for scripts"),
    ),
  );
};
