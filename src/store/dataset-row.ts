// An imported dataset row as readable evidence: its window, model, figures and source post, from the cells
// the import kept (src/ingest/dataset.ts), instead of the raw CSV line.
import type { DatasetRow, SourceRef } from "./types.js";

function count(v: string | undefined): number | null {
  if (v === undefined || v.trim() === "" || v.trim().toLowerCase() === "nan") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The dataset's `source` cell names a post ("kpszsu/posts/pfbid…", a t.me path, a URL); a link when it is one. */
export function sourceUrl(source: string): string | null {
  const s = source.trim();
  if (/^https?:\/\/\S+$/i.test(s)) return s;
  // The dataset's Facebook paths: "kpszsu/posts/pfbid…", "PvKPivden/videos/…", "watch/?v=…".
  if (/^(?:[A-Za-z0-9._-]+\/(?:posts|videos)\/|watch\/\?v=)\S+$/.test(s)) return `https://www.facebook.com/${s}`;
  if (/^(?:t\.me|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ua|com|org|net))\/\S*$/i.test(s)) return `https://${s}`;
  return null;
}

/** The readable row of a dataset document; null for other documents and for rows imported without their cells. */
export function datasetRow(doc: { channel: string | null; source_ref: string | null }, rule: string): DatasetRow | null {
  if (!doc.channel?.startsWith("dataset:") || !doc.source_ref) return null;
  let ref: SourceRef;
  try {
    ref = JSON.parse(doc.source_ref) as SourceRef;
  } catch {
    return null;
  }
  const f = ref.fields;
  if (!f) return null;
  const figure = rule.endsWith(":split") ? "split" : rule.endsWith(":combined") ? "combined" : "row";
  return {
    file: ref.file,
    line: ref.line,
    time_start: f.time_start ?? "",
    time_end: f.time_end ?? "",
    model: f.model ?? "",
    launched: count(f.launched),
    destroyed: count(f.destroyed),
    not_reach_goal: count(f.not_reach_goal),
    source: f.source ?? "",
    source_url: sourceUrl(f.source ?? ""),
    figure,
  };
}
