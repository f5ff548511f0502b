// Export renderings: CSV (one row per attack and figure), JSON, NDJSON, GeoJSON (one feature per attack and region).
import { centroidOf } from "../ingest/regions.js";
import type { SqlStore } from "./store.js";
import type { AttackFilter, ExportRow } from "./types.js";

export const EXPORT_FORMATS = ["csv", "json", "ndjson", "geojson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_COLUMNS: Array<keyof ExportRow> = [
  "attack_id", "date", "attacker", "target", "night", "weapon", "model", "outcome", "region", "n", "qualifier",
  "chosen_side", "chosen_org", "claims", "conflict", "document_ids", "row", "window", "window_start", "window_end", "basis",
];

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = Array.isArray(v) ? v.join(" ") : typeof v === "boolean" ? (v ? "true" : "false") : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvCell(r[c])).join(","));
  return lines.join("\n") + "\n";
}

export async function renderExport(store: SqlStore, format: ExportFormat, filter: AttackFilter): Promise<string> {
  if (format === "geojson") {
    const rows = await store.attackRegionRows(filter);
    const features = [];
    for (const r of rows) {
      const c = centroidOf(r.region);
      if (!c) continue;
      features.push({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: c },
        properties: r,
      });
    }
    return JSON.stringify({ type: "FeatureCollection", features }) + "\n";
  }
  const rows = await store.exportRows(filter);
  if (format === "csv") return toCsv(rows);
  if (format === "ndjson") return rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
  return JSON.stringify(rows, null, 2) + "\n";
}
