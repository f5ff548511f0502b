// The summaries printed at the end of ingest, import and watch.
import type { ImportSummary } from "./dataset.js";
import type { IngestSummary } from "./ingest.js";

export function formatIngestSummary(s: IngestSummary): string {
  const lines = [
    `documents: ${s.new} new, ${s.unchanged} unchanged, ${s.revised} revised, ${s.failed.length} failed; ` +
      `${s.facts} facts extracted (${s.seconds.toFixed(1)} s, ${(s.documents / Math.max(s.seconds, 1e-6)).toFixed(1)} documents/s)`,
  ];
  for (const f of s.failed) lines.push(`  failed: ${f.source}: ${f.reason}`);
  return lines.join("\n") + "\n";
}

export function formatImportSummary(s: ImportSummary): string {
  const lines = [
    `${s.file}: ${s.rows} rows: ${s.new} new, ${s.unchanged} unchanged, ${s.revised} revised, ${s.failed.length} failed; ` +
      `${s.facts} facts (${s.seconds.toFixed(1)} s, ${Math.round(s.rowsPerSecond)} rows/s)`,
  ];
  for (const f of s.failed) lines.push(`  line ${f.line}: ${f.reason}`);
  return lines.join("\n") + "\n";
}
